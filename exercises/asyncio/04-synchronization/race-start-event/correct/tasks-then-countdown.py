import asyncio
import functools

SPEEDS = {"Ada": 1.0, "Bo": 0.5, "Cy": 1.5}  # 跑完全程需要的秒数 / seconds each runner needs


async def countdown(start):
    """发令员：倒数 3 秒后发令。不要修改。 / The starter: counts down 3 s, then fires. Do not change it."""
    for number in (3, 2, 1):
        print(number)
        await asyncio.sleep(1)
    print("Go!")
    start.set()  # 唯一的设置者，唤醒所有等待者 / the one setter; wakes every waiter


async def runner(name, seconds, start, finish_order):
    print(f"{name} on the mark")  # 就位 / on the mark
    await start.wait()
    await asyncio.sleep(seconds)
    print(f"{name} finished")
    finish_order.append(name)


async def race(speeds):
    start = asyncio.Event()
    finish_order = []
    # 先让选手作为任务就位，再在这里直接跑发令员 / the runners take their marks as tasks, then the starter runs right here
    make = functools.partial(runner, start=start, finish_order=finish_order)
    runners = [asyncio.create_task(make(name, seconds)) for name, seconds in speeds.items()]
    await countdown(start)
    await asyncio.wait(runners)
    return finish_order

if __name__ == "__main__":
    print(asyncio.run(race(SPEEDS)))  # ['Bo', 'Ada', 'Cy']
