import asyncio


async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)
    return text


async def main_serial():
    # zh: TODO: 依次 await 两次 say_after：1 秒后打印 Hello，再过 2 秒打印 World（共 3 秒）
    # en: TODO: await say_after twice, one after the other: Hello at 1 s, World 2 s later (3 s in total)
    ...


async def main_gather():
    # zh: TODO: 用 asyncio.gather 并发运行两次 say_after（共约 2 秒）
    # en: TODO: run both say_after calls concurrently with asyncio.gather (about 2 s)
    ...


async def main_tasks():
    # zh: TODO: 先用 asyncio.create_task 创建两个任务，再逐个 await 它们（共约 2 秒）
    # en: TODO: create two tasks with asyncio.create_task first, then await them one by one (about 2 s)
    ...


if __name__ == "__main__":
    for main in (main_serial, main_gather, main_tasks):
        print(main.__name__, asyncio.run(main()))
