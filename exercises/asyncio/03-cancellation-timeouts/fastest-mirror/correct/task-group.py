import asyncio

LATENCY = {"tsinghua": 1.2, "aliyun": 0.4, "ustc": 0.8}  # 每个镜像的下载耗时（秒）/ download time per mirror (s)
FINISHED = []   # 下载完成的镜像 / mirrors whose download finished
CANCELLED = []  # 被取消的镜像 / mirrors whose download was cancelled


async def download(mirror):
    """模拟从一个镜像下载，不要修改。 / A simulated download from one mirror; do not change it."""
    try:
        await asyncio.sleep(LATENCY.get(mirror, 1.0))
    except asyncio.CancelledError:
        CANCELLED.append(mirror)
        raise
    FINISHED.append(mirror)
    return f"package from {mirror}"


async def fastest(mirrors):
    winner = None
    tasks = []

    async def race(mirror):
        nonlocal winner
        content = await download(mirror)
        if winner is None:
            winner = (mirror, content)
            # 第一个完成的取消其余的兄弟任务 / the first to finish cancels its siblings
            for task in tasks:
                if task is not asyncio.current_task():
                    task.cancel()

    # 离开 TaskGroup 时，被取消的任务也都已经结束 / when the TaskGroup is left, the cancelled tasks have ended too
    async with asyncio.TaskGroup() as group:
        for mirror in mirrors:
            tasks.append(group.create_task(race(mirror)))
    return winner


if __name__ == "__main__":
    print(asyncio.run(fastest(["tsinghua", "aliyun", "ustc"])))  # ('aliyun', 'package from aliyun')
    print("finished:", FINISHED, "cancelled:", CANCELLED)
