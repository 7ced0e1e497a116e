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
    # gather is never awaited: main returns at once and asyncio.run cancels both chores
    # 没有 await gather：main 立刻返回，asyncio.run 把两件家务都取消了
    asyncio.gather(wash_dishes(), cook_rice())


asyncio.run(main())
