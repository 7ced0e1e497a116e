import asyncio


async def gather_limited(limit, *coros):
    semaphore = asyncio.Semaphore(limit)

    async def run(coro):
        async with semaphore:
            return await coro

    results = []
    for finished in asyncio.as_completed([run(coro) for coro in coros]):
        try:
            results.append(await finished)  # 完成的先后 / order of completion
        except Exception as error:
            results.append(error)
    return results


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
