import asyncio
import concurrent.futures
import time


def render_report(name):
    """老库里的函数：同步、阻塞、不能改 / legacy: synchronous, blocking, do not change."""
    time.sleep(2)
    return f"report:{name}"


async def render_one(name):
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:  # 每次调用一个新线程池 / a new pool per call
        return await loop.run_in_executor(pool, render_report, name)


async def build_reports(names):
    return await asyncio.gather(*(render_one(name) for name in names))


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
