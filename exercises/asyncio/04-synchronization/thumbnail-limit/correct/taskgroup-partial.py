import asyncio
import functools


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def limited(semaphore, image):
    async with semaphore:
        return await resize(image)


async def make_thumbnails(images, limit):
    one = functools.partial(limited, asyncio.Semaphore(limit))
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(image)) for image in images]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
