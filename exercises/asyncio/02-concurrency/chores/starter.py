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
    # zh: TODO: 让两件事同时进行(总耗时 3 秒)
    # en: TODO: do both at once (3 s in total)
    await wash_dishes()
    await cook_rice()


asyncio.run(main())
