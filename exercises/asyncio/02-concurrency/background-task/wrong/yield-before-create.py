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
    # Yields before the task exists: nothing is waiting to run yet
    # 在任务创建之前就让出了控制权：那时还没有任务在等着运行
    await asyncio.sleep(0)
    task = asyncio.create_task(download())
    await prepare()
    return await task


if __name__ == "__main__":
    print(asyncio.run(main()))
