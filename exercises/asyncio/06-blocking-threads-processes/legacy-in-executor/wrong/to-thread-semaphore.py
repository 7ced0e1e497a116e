import asyncio
import concurrent.futures
import time


def render_report(name):
    """老库里的函数：同步、阻塞、不能改 / legacy: synchronous, blocking, do not change."""
    time.sleep(2)
    return f"report:{name}"


async def build_reports(names):
    semaphore = asyncio.Semaphore(3)

    async def render(name):
        async with semaphore:  # 限住了 3 个，但用的是默认线程池 / capped at 3, but in the default pool
            return await asyncio.to_thread(render_report, name)

    return await asyncio.gather(*(render(name) for name in names))


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
