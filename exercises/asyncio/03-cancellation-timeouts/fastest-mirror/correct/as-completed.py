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


async def tagged(mirror):
    """The download's content, tagged with its mirror. / 带上镜像名的下载结果。"""
    return mirror, await download(mirror)


async def fastest(mirrors):
    tasks = [asyncio.create_task(tagged(mirror)) for mirror in mirrors]
    try:
        # as_completed 按完成的先后给出结果：第一个就是最快的
        # as_completed yields in the order of completion: the first one is the fastest
        for next_done in asyncio.as_completed(tasks):
            return await next_done
    finally:
        # 无论怎样离开，都取消其余的并等它们结束 / however we leave, cancel the rest and wait for their end
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    print(asyncio.run(fastest(["tsinghua", "aliyun", "ustc"])))  # ('aliyun', 'package from aliyun')
    print("finished:", FINISHED, "cancelled:", CANCELLED)
