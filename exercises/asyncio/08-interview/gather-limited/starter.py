import asyncio


async def gather_limited(limit, *coros):
    # zh: 像 gather(..., return_exceptions=True)，但同时最多运行 limit 个协程。
    # en: Like gather(..., return_exceptions=True), but at most `limit` coroutines run at once.
    # TODO
    ...


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
