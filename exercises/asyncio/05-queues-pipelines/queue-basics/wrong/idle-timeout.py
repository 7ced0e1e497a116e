import asyncio


async def worker(queue, results):
    while True:
        try:
            item = await asyncio.wait_for(queue.get(), timeout=0.1)
        except asyncio.TimeoutError:
            return  # 0.1 秒没有新元素就认为干完了 / no item for 0.1 s: assumes the work is over
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
