import asyncio

async def main():
    print("start")
    await asyncio.sleep(1)  # 模拟耗时 I/O 操作
    print("done")

asyncio.run(main())  # 自动创建、运行、关闭事件循环
