import asyncio


async def gather_limited(limit, *coros):
    semaphore = asyncio.Semaphore(limit)

    async def run(coro):
        async with semaphore:  # 同时最多 limit 个 / at most `limit` at once
            return await coro

    # 滑动窗口：一个结束，下一个立刻开始；异常原位返回
    # a sliding window: as soon as one ends the next starts; exceptions returned in place
    return await asyncio.gather(*(run(coro) for coro in coros), return_exceptions=True)


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
