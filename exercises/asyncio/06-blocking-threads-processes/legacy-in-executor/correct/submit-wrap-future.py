import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
import time


def render_report(name):
    """老库里的函数：同步、阻塞、不能改 / legacy: synchronous, blocking, do not change."""
    time.sleep(2)
    return f"report:{name}"


async def build_reports(names):
    pool = ThreadPoolExecutor(max_workers=3)
    try:
        # pool.submit 返回 concurrent.futures.Future，wrap_future 把它变成可 await 的 asyncio Future
        # pool.submit returns a concurrent.futures.Future; wrap_future makes it awaitable
        futures = [asyncio.wrap_future(pool.submit(functools.partial(render_report, name))) for name in names]
        return await asyncio.gather(*futures)
    finally:
        pool.shutdown(wait=False)


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
