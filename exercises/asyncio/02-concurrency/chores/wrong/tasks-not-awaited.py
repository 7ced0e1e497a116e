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
    # The tasks start, but main returns at once and asyncio.run cancels them.
    asyncio.create_task(wash_dishes())
    asyncio.create_task(cook_rice())


asyncio.run(main())
