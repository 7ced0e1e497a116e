import asyncio


async def heartbeat(log):
    while True:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            # 清理后重新抛出，任务才会是"已取消"
            # clean up, then re-raise, so the task ends up cancelled
            log.append("stopped")
            raise
        log.append("beat")


async def run_for(seconds):
    log = []
    task = asyncio.create_task(heartbeat(log))
    try:
        # 到期时 asyncio.timeout 取消 run_for 正在等待的 await task，于是 heartbeat 被取消；
        # 离开 async with 时它已经结束，CancelledError 变成 TimeoutError
        # when time is up, asyncio.timeout cancels the pending `await task`, which cancels heartbeat;
        # by the time the block is left it has ended, and the CancelledError becomes TimeoutError
        async with asyncio.timeout(seconds):
            await task
    except TimeoutError:
        pass
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
