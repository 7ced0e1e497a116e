import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    semaphore = asyncio.Semaphore(limit)

    async def one(image):
        async with semaphore:
            return await resize(image)

    results = []
    for finished in asyncio.as_completed([one(image) for image in images]):
        results.append(await finished)  # 完成的先后顺序，不是 images 的顺序 / completion order, not the order of images
    return results


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
