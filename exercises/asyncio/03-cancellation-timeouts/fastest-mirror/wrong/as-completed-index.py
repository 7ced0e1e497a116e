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
    tasks = [asyncio.create_task(download(mirror)) for mirror in mirrors]
    for index, next_done in enumerate(asyncio.as_completed(tasks)):
        content = await next_done
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        # as_completed 是按完成顺序给出的，index 0 并不是 mirrors[0] 的结果
        # as_completed yields in the order of completion: index 0 is not mirrors[0]'s result
        return mirrors[index], content


if __name__ == "__main__":
    print(asyncio.run(fastest(["tsinghua", "aliyun", "ustc"])))  # ('aliyun', 'package from aliyun')
    print("finished:", FINISHED, "cancelled:", CANCELLED)
