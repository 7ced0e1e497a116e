import asyncio

SPEEDS = {"Ada": 1.0, "Bo": 0.5, "Cy": 1.5}  # zh: 跑完全程需要的秒数 # en: seconds each runner needs


async def countdown(start):
    # zh: 发令员：倒数 3 秒后发令。不要修改。
    # en: The starter: counts down 3 s, then fires. Do not change it.
    for number in (3, 2, 1):
        print(number)
        await asyncio.sleep(1)
    print("Go!")
    start.set()


async def runner(name, seconds, start, finish_order):
    # zh: TODO: 等发令（start 事件）后跑 seconds 秒，打印 f"{name} finished"，并把 name 追加到 finish_order
    # en: TODO: wait for the start signal (the start event), run for `seconds`, print f"{name} finished", append name
    ...


async def race(speeds):
    # zh: TODO: 创建发令用的 Event，让发令员和所有选手同时开始，返回到达顺序
    # en: TODO: create the start Event, run the starter and every runner together, return the finishing order
    ...


if __name__ == "__main__":
    print(asyncio.run(race(SPEEDS)))  # ['Bo', 'Ada', 'Cy']
