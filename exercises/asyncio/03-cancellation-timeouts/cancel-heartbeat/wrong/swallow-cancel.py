import asyncio


async def heartbeat(log):
    try:
        while True:
            await asyncio.sleep(1)
            log.append("beat")
    except asyncio.CancelledError:
        log.append("stopped")
        return  # 吞掉了取消 / swallows the cancellation


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
