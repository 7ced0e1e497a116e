import asyncio
import concurrent.futures
import time


def render_report(name):
    """老库里的函数：同步、阻塞、不能改 / legacy: synchronous, blocking, do not change."""
    time.sleep(2)
    return f"report:{name}"


async def build_reports(names):
    async def one(name):
        return render_report(name)  # 还是在事件循环线程里 / still on the loop's thread

    return await asyncio.gather(*(one(name) for name in names))


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
