import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    # 每 limit 张一批，一批一批地 gather / a batch of `limit` images at a time, gathered batch after batch
    results = []
    for first in range(0, len(images), limit):
        batch = images[first:first + limit]
        results.extend(await asyncio.gather(*(resize(image) for image in batch)))
    return results


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
