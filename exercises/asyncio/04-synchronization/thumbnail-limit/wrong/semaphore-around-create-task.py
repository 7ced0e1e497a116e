import asyncio


async def resize(image):
    """模拟调用缩略图服务：0.5 秒。不要修改。 / A simulated call to the thumbnail service: 0.5 s. Do not change it."""
    await asyncio.sleep(0.5)
    return f"thumb-{image}"


async def make_thumbnails(images, limit):
    semaphore = asyncio.Semaphore(limit)
    tasks = []
    for image in images:
        # 只在创建任务时占用名额：任务真正运行时名额早已归还
        # the slot is held only while the task is created: it is back long before the task runs
        async with semaphore:
            tasks.append(asyncio.create_task(resize(image)))
    return await asyncio.gather(*tasks)


if __name__ == "__main__":
    print(asyncio.run(make_thumbnails([f"img{i}.jpg" for i in range(8)], 3)))
