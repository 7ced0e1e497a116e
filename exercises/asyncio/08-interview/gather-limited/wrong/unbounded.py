import asyncio


async def gather_limited(limit, *coros):
    return await asyncio.gather(*coros, return_exceptions=True)  # 忘了限制 / no limit at all

if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
