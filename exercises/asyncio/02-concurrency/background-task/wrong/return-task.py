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
    # Returns the task itself: main's caller gets a Task, not "file.zip"
    # 返回的是任务本身：调用者拿到的是 Task，而不是 "file.zip"
    task = asyncio.create_task(download())
    await asyncio.sleep(0)
    await prepare()
    return task


if __name__ == "__main__":
    print(asyncio.run(main()))
