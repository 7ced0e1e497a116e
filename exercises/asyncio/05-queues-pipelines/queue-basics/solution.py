import asyncio


async def worker(queue, results):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.5)  # 模拟处理 / simulated work
        results.append(item.upper())
        queue.task_done()


async def main(items):
    queue = asyncio.Queue()
    results = []
    worker_task = asyncio.create_task(worker(queue, results))
    for item in items:
        await queue.put(item)
    await queue.join()  # 每个元素都 task_done() 了 / every item is done
    worker_task.cancel()  # worker 永远不会自己退出 / it never exits by itself
    try:
        await worker_task
    except asyncio.CancelledError:
        pass
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
