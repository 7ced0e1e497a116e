import asyncio


async def worker(queue, results):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.5)
        results.append(item.upper())
        queue.task_done()


async def main(items):
    queue = asyncio.Queue()
    results = []
    worker_task = asyncio.create_task(worker(queue, results))
    for item in items:
        await queue.put(item)
    await queue.join()
    await worker_task  # 永远等不到：worker 卡在 queue.get() / never ends: stuck in queue.get()
    return results
