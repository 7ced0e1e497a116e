import asyncio


async def worker(queue, results):
    while True:
        item = await queue.get()
        queue.task_done()  # 还没处理就确认了 / confirmed before the work is done
        await asyncio.sleep(0.5)
        results.append(item.upper())


async def main(items):
    queue = asyncio.Queue()
    results = []
    worker_task = asyncio.create_task(worker(queue, results))
    for item in items:
        await queue.put(item)
    await queue.join()
    worker_task.cancel()
    try:
        await worker_task
    except asyncio.CancelledError:
        pass
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
