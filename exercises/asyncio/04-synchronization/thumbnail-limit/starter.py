import asyncio


async def resize(image):
    # zh: 模拟调用缩略图服务：0.5 秒。不要修改。
    # en: A simulated call to the thumbnail service: 0.5 s. Do not change it.
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    # zh: TODO: 并发地为每张图片调用 resize，但同一时刻最多 limit 个调用在进行；按 images 的顺序返回结果
    # en: TODO: call resize for every image concurrently, but with at most `limit` calls at once; return results in order
    ...


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
