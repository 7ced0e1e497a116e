import asyncio


async def wash_dishes():
    print("开始洗碗，要2秒")
    await asyncio.sleep(2)
    print("碗洗完了")


async def cook_rice():
    print("开始煮饭，要3秒")
    await asyncio.sleep(3)
    print("饭煮好了")


async def logged(name, chore):
    # A small logging wrapper: each task runs logged(), which awaits the chore
    # 一个记日志的小包装：每个任务运行的是 logged()，由它 await 家务本身
    loop = asyncio.get_running_loop()
    began = loop.time()
    await chore()
    print(f"[log] {name}: {loop.time() - began:.0f} s")


async def main():
    tasks = [asyncio.create_task(logged("wash", wash_dishes)),
             asyncio.create_task(logged("cook", cook_rice))]
    for task in tasks:
        await task


asyncio.run(main())
