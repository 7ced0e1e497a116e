import asyncio


async def heartbeat(log):
    loop = asyncio.get_running_loop()
    next_beat = loop.time() + 1
    try:
        while True:
            # 按绝对时刻跳，不会越跳越慢 / beat on absolute deadlines, so it never drifts
            await asyncio.sleep(next_beat - loop.time())
            log.append("beat")
            next_beat += 1
    finally:
        log.append("stopped")


async def run_for(seconds):
    log = []
    try:
        # wait_for 把 heartbeat 包成任务；超时时取消它，等它结束，再抛出 TimeoutError
        # wait_for wraps heartbeat in a task; on timeout it cancels it, waits for its end, then raises TimeoutError
        await asyncio.wait_for(heartbeat(log), timeout=seconds)
    except asyncio.TimeoutError:
        pass
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
