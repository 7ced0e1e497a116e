import asyncio


async def heartbeat(log):
    while True:
        try:
            await asyncio.sleep(1)
            log.append("beat")
        except asyncio.CancelledError:
            log.append("stopped")  # 清理了，却继续循环 / cleans up, then goes on looping


async def run_for(seconds):
    log = []
    task = asyncio.create_task(heartbeat(log))
    await asyncio.sleep(seconds)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
