import asyncio
import functools


async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)
    return text


# 两件事先写成"还没开始的调用"：job() 才得到协程对象 / the two jobs as calls not yet made: job() gives the coroutine
JOBS = [functools.partial(say_after, 1, "Hello"), functools.partial(say_after, 2, "World")]


async def main_serial():
    return [await job() for job in JOBS]


async def main_gather():
    hello, world = await asyncio.gather(*(job() for job in JOBS))
    return [hello, world]


async def main_tasks():
    tasks = [asyncio.create_task(job()) for job in JOBS]
    return [await task for task in tasks]


if __name__ == "__main__":
    for main in (main_serial, main_gather, main_tasks):
        print(main.__name__, asyncio.run(main()))
