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
    # Believes create_task alone makes it concurrent, but awaits each task as soon as it is made
    # 以为用了 create_task 就是并发，却在每个任务创建后马上 await 它
    for chore in (wash_dishes, cook_rice):
        await asyncio.create_task(chore())


asyncio.run(main())
