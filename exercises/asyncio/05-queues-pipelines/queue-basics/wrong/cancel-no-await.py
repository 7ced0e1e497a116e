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
    worker_task.cancel()  # 只请求了取消，没等它结束 / cancellation requested, never waited for
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
