import asyncio


async def download():
    print("download: start")
    await asyncio.sleep(1.5)
    print("download: done")
    return "file.zip"


async def prepare():
    print("prepare: start")
    await asyncio.sleep(1.0)
    print("prepare: done")


async def main():
    # create_task 只是把任务排进事件循环；它要等 main 下一次 await（把控制权交出去）时才真正开始运行
    # create_task only schedules the task; it starts running the next time main awaits (gives control back)
    # 创建了任务却不等它：main 返回时下载还没完成
    asyncio.create_task(download())
    await asyncio.sleep(0)
    await prepare()
    return "file.zip"


if __name__ == "__main__":
    print(asyncio.run(main()))
