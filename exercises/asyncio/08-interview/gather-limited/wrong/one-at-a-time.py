import asyncio


async def gather_limited(limit, *coros):
    results = []
    for coro in coros:  # 一个接一个 / one after another
        try:
            results.append(await coro)
        except Exception as error:
            results.append(error)
    return results

if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
