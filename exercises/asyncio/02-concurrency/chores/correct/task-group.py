import asyncio


async def wash_dishes():
    print("开始洗碗，要2秒")
    await asyncio.sleep(2)
    print("碗洗完了")


async def cook_rice():
    print("开始煮饭，要3秒")
    await asyncio.sleep(3)
    print("饭煮好了")


async def main():
    # The rice takes longest, so it goes on the stove first; the group waits for both
    # 煮饭最久，先下锅；任务组会等两件事都做完
    async with asyncio.TaskGroup() as group:
        group.create_task(cook_rice())
        group.create_task(wash_dishes())


asyncio.run(main())
