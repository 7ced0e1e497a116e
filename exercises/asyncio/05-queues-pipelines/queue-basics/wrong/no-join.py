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
    # 忘了 await queue.join() / forgot await queue.join()
    worker_task.cancel()
    try:
        await worker_task
    except asyncio.CancelledError:
        pass
    return results
