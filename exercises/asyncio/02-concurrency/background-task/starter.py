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
    # zh: TODO: 让 download() 在后台运行，并确保它在 prepare() 开始之前已经开始（先打印 "download: start"）
    # zh: TODO: 在 main 里运行 prepare()，然后等 download 完成并返回它的结果
    # en: TODO: run download() in the background, and make sure it has started (printed "download: start")
    # en:       before prepare() starts; run prepare() in main, then wait for download and return its result
    ...


if __name__ == "__main__":
    print(asyncio.run(main()))
