import asyncio


async def heartbeat(log):
    try:
        for _ in range(10):  # 跳 10 次就停，不是"永远" / stops after 10 beats: not "forever"
            await asyncio.sleep(1)
            log.append("beat")
    finally:
        log.append("stopped")


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
