import asyncio


async def gather_limited(limit, *coros):
    """手写滑动窗口：asyncio.wait(FIRST_COMPLETED)，结束一个补一个 / a hand-made sliding window."""
    results = [None] * len(coros)
    waiting = list(enumerate(coros))
    running = {}
    while waiting or running:
        while waiting and len(running) < limit:
            index, coro = waiting.pop(0)
            running[asyncio.ensure_future(coro)] = index
        done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            index = running.pop(task)
            results[index] = task.exception() or task.result()
    return results


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
