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
    try:
        # 没有后台任务：heartbeat 在 run_for 自己的任务里运行 / no background task: heartbeat runs in run_for's own task
        async with asyncio.timeout(seconds):
            await heartbeat(log)
    except TimeoutError:
        pass
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
