import asyncio


async def heartbeat(log):
    running = True
    while running:
        await asyncio.sleep(1)
        log.append("beat")
    log.append("stopped")  # 取消时永远执行不到 / never reached on cancel


async def run_for(seconds):
    log = []
    task = asyncio.create_task(heartbeat(log))
    await asyncio.sleep(seconds)
    task.cancel()  # 只是"请求"取消 / only *requests* cancellation
    try:
        await task  # 等它真正结束（清理完成）/ wait until it has really ended (cleanup done)
    except asyncio.CancelledError:
        pass
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
