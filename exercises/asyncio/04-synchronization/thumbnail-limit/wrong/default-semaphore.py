import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    semaphore = asyncio.Semaphore()  # 忘了传 limit：默认只有 1 个名额 / forgot limit: one slot by default

    async def one(image):
        async with semaphore:
            return await resize(image)

    return await asyncio.gather(*(one(image) for image in images))


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
