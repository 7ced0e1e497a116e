import asyncio


async def heartbeat(log):
    try:
        while True:
            await asyncio.sleep(1)
            log.append("beat")
    finally:
        # 取消时 CancelledError 从 await 处抛出；finally 保证清理一定执行，异常继续向外传播
        # on cancel, CancelledError is raised at the await; finally always runs the cleanup and lets it propagate
        log.append("stopped")


async def run_for(seconds):
    log = []
    task = asyncio.create_task(heartbeat(log))
    await asyncio.sleep(seconds)
    task.cancel()  # 只是"请求"取消 / only *requests* cancellation
    await task  # CancelledError 从这里抛出，run_for 自己也"被取消"了
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
