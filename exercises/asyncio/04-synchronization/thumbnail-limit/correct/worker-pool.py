import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    # limit 个 worker 从同一个队列里取图：每个 worker 做完一张立刻取下一张
    # `limit` workers take images from one queue: each takes the next as soon as it is done
    queue = asyncio.Queue()
    for index, image in enumerate(images):
        queue.put_nowait((index, image))
    results = [None] * len(images)

    async def worker():
        while not queue.empty():
            index, image = queue.get_nowait()
            results[index] = await resize(image)

    await asyncio.gather(*(worker() for _ in range(min(limit, len(images)))))
    return results


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
