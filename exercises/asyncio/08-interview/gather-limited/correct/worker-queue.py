import asyncio


async def gather_limited(limit, *coros):
    """limit 个 worker 从队列里取协程来跑 / limit workers take coroutines off a queue."""
    queue = asyncio.Queue()
    for index, coro in enumerate(coros):
        queue.put_nowait((index, coro))
    results = [None] * len(coros)

    async def worker():
        while True:
            try:
                index, coro = queue.get_nowait()
            except asyncio.QueueEmpty:
                return  # 所有协程都已入队，空了就是做完了 / everything was queued up front: empty means done
            try:
                results[index] = await coro
            except Exception as error:
                results[index] = error

    await asyncio.gather(*(worker() for _ in range(min(limit, len(coros)))))
    return results


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
