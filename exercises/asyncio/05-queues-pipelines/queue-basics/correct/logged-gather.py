import asyncio


async def process(item):
    await asyncio.sleep(0.5)
    return item.upper()


async def worker(queue, results):
    while True:
        item = await queue.get()
        try:
            results.append(await process(item))
        finally:
            queue.task_done()


async def logged(name, coroutine):
    print(f"{name} started")
    try:
        return await coroutine
    finally:
        print(f"{name} stopped")


async def main(items):
    queue = asyncio.Queue()
    results = []
    worker_task = asyncio.create_task(logged("worker", worker(queue, results)))
    for item in items:
        await queue.put(item)
    await queue.join()
    worker_task.cancel()
    await asyncio.gather(worker_task, return_exceptions=True)  # 等它结束，CancelledError 作为结果返回 / waits; CancelledError comes back as a result
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
