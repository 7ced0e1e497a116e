import asyncio


async def heartbeat(log):
    try:
        while True:
            log.append("beat")  # 第一次在第 0 秒，而不是第 1 秒 / the first beat at 0 s, not at 1 s
            await asyncio.sleep(1)
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
