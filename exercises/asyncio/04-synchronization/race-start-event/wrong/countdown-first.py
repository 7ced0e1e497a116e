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
    await start.wait()  # 等发令枪，不抢跑 / wait for the start signal: no false start
    await asyncio.sleep(seconds)
    print(f"{name} finished")
    finish_order.append(name)


async def race(speeds):
    start = asyncio.Event()  # 所有人共用同一个 Event / one Event shared by everyone
    finish_order = []
    await countdown(start)  # 先倒数，选手之后才出发 / the countdown first; the runners set off only afterwards
    await asyncio.gather(*(runner(name, seconds, start, finish_order) for name, seconds in speeds.items()))
    return finish_order


if __name__ == "__main__":
    print(asyncio.run(race(SPEEDS)))  # ['Bo', 'Ada', 'Cy']
