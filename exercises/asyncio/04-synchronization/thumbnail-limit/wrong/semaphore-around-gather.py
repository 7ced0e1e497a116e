import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    semaphore = asyncio.Semaphore(limit)
    # 整个 gather 只获取了一次信号量：里面的 8 个请求仍然同时进行
    # the whole gather acquires the semaphore once: the 8 requests inside still run together
    async with semaphore:
        return await asyncio.gather(*(resize(image) for image in images))

if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
