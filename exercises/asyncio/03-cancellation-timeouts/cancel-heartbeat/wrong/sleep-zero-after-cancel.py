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
    task = asyncio.create_task(heartbeat(log))
    await asyncio.sleep(seconds)
    task.cancel()
    await asyncio.sleep(0)  # 让它跑一步，以为这样就清理完了 / lets it run one step, believing that is enough
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
