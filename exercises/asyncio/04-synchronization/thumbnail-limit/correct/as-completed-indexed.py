import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    semaphore = asyncio.Semaphore(limit)

    async def one(index, image):
        async with semaphore:
            print(f"start {image}")
            thumbnail = await resize(image)
            print(f"done {image}")
            return index, thumbnail

    results = [None] * len(images)
    for finished in asyncio.as_completed([one(index, image) for index, image in enumerate(images)]):
        index, thumbnail = await finished
        results[index] = thumbnail
    return results


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
