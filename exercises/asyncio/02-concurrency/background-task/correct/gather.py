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
    # gather wraps each coroutine in a task, in order: download's task runs first
    # gather 按顺序把每个协程包装成任务：download 的任务先运行
    file_name, _ = await asyncio.gather(download(), prepare())
    return file_name


if __name__ == "__main__":
    print(asyncio.run(main()))
