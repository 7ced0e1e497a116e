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
    chores = [asyncio.ensure_future(chore()) for chore in (wash_dishes, cook_rice)]
    # asyncio.wait returns once every task is done (return_when=ALL_COMPLETED by default)
    # asyncio.wait 等所有任务都完成才返回（默认 return_when=ALL_COMPLETED）
    await asyncio.wait(chores)


asyncio.run(main())
