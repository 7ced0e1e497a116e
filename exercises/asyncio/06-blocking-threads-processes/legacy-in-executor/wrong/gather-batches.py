import asyncio
import concurrent.futures
import time


def render_report(name):
    """老库里的函数：同步、阻塞、不能改 / legacy: synchronous, blocking, do not change."""
    time.sleep(2)
    return f"report:{name}"


async def build_reports(names):
    loop = asyncio.get_running_loop()
    reports = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        for start in range(0, len(names), 3):  # 3 个一批 / batches of 3
            batch = names[start:start + 3]
            reports += await asyncio.gather(*(loop.run_in_executor(pool, render_report, name) for name in batch))
    return reports


if __name__ == "__main__":
    print(asyncio.run(build_reports(["a", "b", "c", "d", "e", "f"])))
