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
    async with asyncio.TaskGroup() as group:
        worker_task = group.create_task(worker(queue, results))
        for item in items:
            queue.put_nowait(item)
        await queue.join()
        worker_task.cancel()  # TaskGroup 退出时会等它真正结束 / the TaskGroup waits for it to end on exit
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
