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


async def logged(name, work):
    # A small logging wrapper: the task runs logged(), which awaits the real work
    # 一个记日志的小包装：任务运行的是 logged()，由它 await 真正的工作
    loop = asyncio.get_running_loop()
    began = loop.time()
    result = await work
    print(f"[log] {name} took {loop.time() - began:.1f} s")
    return result


async def main():
    downloading = asyncio.create_task(logged("download", download()))
    await asyncio.sleep(0)  # the wrapper task starts here, and with it download()
    await prepare()
    return await downloading


if __name__ == "__main__":
    print(asyncio.run(main()))
