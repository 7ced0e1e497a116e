import asyncio
import time

PLAN = [(1, "Hello"), (2, "World")]


async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)
    return text


async def timed(delay, text):
    # 包装协程：记录每次 say_after 在第几秒结束 / a wrapper that logs when each say_after ends
    start = time.monotonic()
    result = await say_after(delay, text)
    print(f"  ({text} done after {time.monotonic() - start:.1f} s)")
    return result


async def main_serial():
    results = []
    for delay, text in PLAN:
        results.append(await say_after(delay, text))
    return results


async def main_gather():
    return list(await asyncio.gather(*(say_after(delay, text) for delay, text in PLAN)))


async def main_tasks():
    # 任务运行的是包装协程 timed()，不是直接运行 say_after / the tasks run the wrapper timed(), not say_after itself
    tasks = [asyncio.create_task(timed(delay, text)) for delay, text in PLAN]
    results = []
    for task in tasks:
        results.append(await task)
    return results


if __name__ == "__main__":
    for main in (main_serial, main_gather, main_tasks):
        print(main.__name__, asyncio.run(main()))
