import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    # 没有限制：8 个请求同时发出 / no limit: all 8 requests at once
    return await asyncio.gather(*(resize(image) for image in images))

if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
