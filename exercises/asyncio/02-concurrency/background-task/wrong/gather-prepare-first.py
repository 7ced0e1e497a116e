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
    # gather starts its tasks in the order given: prepare first
    # gather 按参数顺序启动任务：prepare 先开始
    _, file_name = await asyncio.gather(prepare(), download())
    return file_name


if __name__ == "__main__":
    print(asyncio.run(main()))
