import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    async def one(image):
        # 每次调用都新建一个信号量：每个都是新的"名额"，什么也没限制住
        # a new semaphore per call: each one has its own free slots, so nothing is limited
        async with asyncio.Semaphore(limit):
            return await resize(image)

    return await asyncio.gather(*(one(image) for image in images))

if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
