import asyncio


async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)
    return text


async def main_serial():
    # 任务也可以串行：创建后立刻 await，第二个要等第一个结束才创建
    # tasks can be sequential too: each is awaited as soon as it is created
    hello = await asyncio.create_task(say_after(1, "Hello"))
    world = await asyncio.create_task(say_after(2, "World"))
    return [hello, world]


async def main_gather():
    results = await asyncio.gather(say_after(1, "Hello"), say_after(2, "World"), return_exceptions=False)
    return list(results)


async def main_tasks():
    hello = asyncio.create_task(say_after(1, "Hello"))
    world = asyncio.create_task(say_after(2, "World"))
    # 先等较慢的 world 也没关系：两个任务早已同时在运行，仍是约 2 秒
    # awaiting the slower one first changes nothing: both tasks are already running, still about 2 s
    world_text = await world
    hello_text = await hello
    return [hello_text, world_text]


if __name__ == "__main__":
    for main in (main_serial, main_gather, main_tasks):
        print(main.__name__, asyncio.run(main()))
