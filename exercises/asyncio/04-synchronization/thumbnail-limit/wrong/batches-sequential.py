import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    # 一张一张地处理（limit 没用上）/ one image at a time (limit unused)
    semaphore = asyncio.Semaphore(limit)
    results = []
    for image in images:
        async with semaphore:
            results.append(await resize(image))
    return results

if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
