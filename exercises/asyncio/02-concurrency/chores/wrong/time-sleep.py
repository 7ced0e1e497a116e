import asyncio
import time


async def wash_dishes():
    print("开始洗碗，要2秒")
    time.sleep(2)  # blocks the event loop: nothing else can run meanwhile
    print("碗洗完了")


async def cook_rice():
    print("开始煮饭，要3秒")
    time.sleep(3)
    print("饭煮好了")


async def main():
    await asyncio.gather(wash_dishes(), cook_rice())


asyncio.run(main())
