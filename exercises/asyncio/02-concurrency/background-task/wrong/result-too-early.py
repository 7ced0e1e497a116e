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
    task = asyncio.create_task(download())
    await asyncio.sleep(0)
    await prepare()
    # Believes the download is done once prepare is: it still has 0.5 s to go
    # 以为 prepare 完成时下载也完成了：其实它还要 0.5 秒
    return task.result()


if __name__ == "__main__":
    print(asyncio.run(main()))
