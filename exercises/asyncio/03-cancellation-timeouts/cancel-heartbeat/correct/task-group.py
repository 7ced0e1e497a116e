import asyncio


async def heartbeat(log):
    try:
        while True:
            await asyncio.sleep(1)
            log.append("beat")
    finally:
        log.append("stopped")


async def run_for(seconds):
    log = []
    async with asyncio.TaskGroup() as group:
        task = group.create_task(heartbeat(log))
        await asyncio.sleep(seconds)
        task.cancel()
    # 离开 TaskGroup 时它会等所有子任务结束；被取消的子任务不算失败
    # leaving the TaskGroup waits for every child; a cancelled child is not a failure
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
