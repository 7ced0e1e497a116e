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
    tasks = {asyncio.create_task(download(mirror), name=mirror): mirror for mirror in mirrors}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.sleep(0)  # 让它们跑一步，以为这样就结束了 / lets them run one step, believing that ends them
    winner = done.pop()
    return tasks[winner], winner.result()


if __name__ == "__main__":
    print(asyncio.run(fastest(["tsinghua", "aliyun", "ustc"])))  # ('aliyun', 'package from aliyun')
    print("finished:", FINISHED, "cancelled:", CANCELLED)
