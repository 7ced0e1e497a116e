import asyncio


async def worker(queue, results):
    while not queue.empty():  # 队列一空就退出 / quits as soon as the queue is empty
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
    worker_task.cancel()
    try:
        await worker_task
    except asyncio.CancelledError:
        pass
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
