import asyncio


async def gather_limited(limit, *coros):
    slots = asyncio.Semaphore(limit)

    async def limited(coro):
        async with slots:
            try:
                return await coro
            except Exception as error:  # 异常原位返回，不让 TaskGroup 取消其余 / returned in place; the group goes on
                return error

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(limited(coro)) for coro in coros]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    async def work(name, delay):
        await asyncio.sleep(delay)
        return name

    print(asyncio.run(gather_limited(2, work("a", 3), work("b", 1), work("c", 1), work("d", 1))))
