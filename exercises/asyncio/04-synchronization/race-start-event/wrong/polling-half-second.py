import asyncio

SPEEDS = {"Ada": 1.0, "Bo": 0.5, "Cy": 1.5}  # 跑完全程需要的秒数 / seconds each runner needs


async def countdown(start):
    """发令员：倒数 3 秒后发令。不要修改。 / The starter: counts down 3 s, then fires. Do not change it."""
    for number in (3, 2, 1):
        print(number)
        await asyncio.sleep(1)
    print("Go!")
    start.set()  # 唯一的设置者，唤醒所有等待者 / the one setter; wakes every waiter


async def runner(name, seconds, start, finish_order):
    while not start.is_set():  # 每 0.5 秒看一眼 / checks every 0.5 s
        await asyncio.sleep(0.5)
    await asyncio.sleep(seconds)
    print(f"{name} finished")
    finish_order.append(name)


async def race(speeds):
    start = asyncio.Event()  # 所有人共用同一个 Event / one Event shared by everyone
    finish_order = []
    runners = [runner(name, seconds, start, finish_order) for name, seconds in speeds.items()]
    await asyncio.gather(countdown(start), *runners)
    return finish_order


if __name__ == "__main__":
    print(asyncio.run(race(SPEEDS)))  # ['Bo', 'Ada', 'Cy']
