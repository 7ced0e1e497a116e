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
    asyncio.create_task(worker(queue, results))
    for item in items:
        await queue.put(item)
    await queue.join()
    return results  # worker 还挂在后台 / the worker is still pending
