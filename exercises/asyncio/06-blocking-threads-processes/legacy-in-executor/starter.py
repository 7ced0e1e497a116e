import asyncio
import concurrent.futures  # noqa: F401
import time


def render_report(name):
    # zh: 老库里的函数：同步、阻塞、不能改
    # en: legacy: synchronous, blocking, do not change
    time.sleep(2)
    return f"report:{name}"


async def build_reports(names):
    # zh: TODO: 在最多 3 个线程的线程池里运行 render_report，按 names 顺序返回
    # en: TODO: run render_report in a pool of at most 3 threads; return in the order of names
    return [render_report(name) for name in names]  # zh: 阻塞！ # en: blocking!


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
