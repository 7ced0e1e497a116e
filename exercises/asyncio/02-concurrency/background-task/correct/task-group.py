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
    # Both run as tasks of the group; tasks start in the order they were created,
    # so the download starts first without an explicit asyncio.sleep(0)
    # 两件事都是任务组里的任务；任务按创建顺序开始，所以不用 sleep(0) 下载也先开始
    async with asyncio.TaskGroup() as group:
        downloading = group.create_task(download())
        group.create_task(prepare())
    return downloading.result()  # the group waited for both / 任务组已经等两者都完成


if __name__ == "__main__":
    print(asyncio.run(main()))
