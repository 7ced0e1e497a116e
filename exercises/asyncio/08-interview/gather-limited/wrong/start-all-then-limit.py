import asyncio


async def gather_limited(limit, *coros):
    semaphore = asyncio.Semaphore(limit)
    tasks = [asyncio.create_task(coro) for coro in coros]  # 任务一创建就开始运行了 / a task starts running once created

    async def run(task):
        async with semaphore:
            return await task

    return await asyncio.gather(*(run(task) for task in tasks), return_exceptions=True)


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
