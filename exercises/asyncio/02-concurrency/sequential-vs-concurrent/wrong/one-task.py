import asyncio


async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)
    return text


async def main_serial():
    # 一个接一个：1 + 2 = 3 秒 / one after the other: 1 + 2 = 3 s
    first = await say_after(1, "Hello")
    second = await say_after(2, "World")
    return [first, second]


async def main_gather():
    # gather 同时启动两个协程：约 2 秒 / gather starts both at once: about 2 s
    return await asyncio.gather(say_after(1, "Hello"), say_after(2, "World"))


async def main_tasks():
    # 先创建两个任务（它们已经在运行），再逐个等待：仍然约 2 秒
    # create both tasks first (they are already running), then await them one by one: still about 2 s
    # 只给第一个调用创建了任务，第二个直接 await：以为一个任务就够了
    # only the first call gets a task, the second is awaited directly: believes one task is enough
    hello = asyncio.create_task(say_after(1, "Hello"))
    world = await say_after(2, "World")
    return [await hello, world]


if __name__ == "__main__":
    for main in (main_serial, main_gather, main_tasks):
        print(main.__name__, asyncio.run(main()))
