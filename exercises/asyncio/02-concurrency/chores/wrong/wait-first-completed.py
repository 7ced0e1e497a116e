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
    # Returns as soon as the first chore is done: the rice is cancelled at 2 s
    # 第一件家务做完就返回：饭在 2 秒时被取消了
    chores = [asyncio.create_task(wash_dishes()), asyncio.create_task(cook_rice())]
    await asyncio.wait(chores, return_when=asyncio.FIRST_COMPLETED)


asyncio.run(main())
