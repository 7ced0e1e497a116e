import asyncio


async def gather_limited(limit, *coros):
    results = []
    for start in range(0, len(coros), limit):  # 一批一批：要等整批最慢的 / batch by batch: waits for each batch's slowest
        results += await asyncio.gather(*coros[start:start + limit], return_exceptions=True)
    return results

if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
