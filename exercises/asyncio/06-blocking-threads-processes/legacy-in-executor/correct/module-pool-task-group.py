import asyncio
import concurrent.futures
import time


def render_report(name):
    """老库里的函数：同步、阻塞、不能改 / legacy: synchronous, blocking, do not change."""
    time.sleep(2)
    return f"report:{name}"


# 模块级的线程池，所有调用共用 / one module-level pool shared by every call
POOL = concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="reports")


async def render(name):
    loop = asyncio.get_running_loop()
    print(f"render {name}")
    return await loop.run_in_executor(POOL, render_report, name)


async def build_reports(names):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(render(name)) for name in names]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
