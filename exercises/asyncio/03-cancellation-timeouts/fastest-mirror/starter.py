import asyncio

LATENCY = {"tsinghua": 1.2, "aliyun": 0.4, "ustc": 0.8}  # zh: 每个镜像的下载耗时（秒） # en: download time per mirror (s)
FINISHED = []   # zh: 下载完成的镜像 # en: mirrors whose download finished
CANCELLED = []  # zh: 被取消的镜像 # en: mirrors whose download was cancelled


async def download(mirror):
    # zh: 模拟从一个镜像下载，不要修改。
    # en: A simulated download from one mirror; do not change it.
    try:
        await asyncio.sleep(LATENCY.get(mirror, 1.0))
    except asyncio.CancelledError:
        CANCELLED.append(mirror)
        raise
    FINISHED.append(mirror)
    return f"package from {mirror}"


async def fastest(mirrors):
    # zh: TODO: 同时从所有镜像下载；第一个完成后返回 (镜像名, 内容)，并取消其余的下载
    # en: TODO: download from every mirror at once; when the first finishes return (mirror, content) and cancel the rest
    ...


if __name__ == "__main__":
    print(asyncio.run(fastest(["tsinghua", "aliyun", "ustc"])))  # ('aliyun', 'package from aliyun')
    print("finished:", FINISHED, "cancelled:", CANCELLED)
