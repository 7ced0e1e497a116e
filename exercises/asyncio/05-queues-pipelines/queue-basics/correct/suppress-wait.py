import asyncio
import contextlib


async def worker(queue, results):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.5)
        results.append(item.upper())
        queue.task_done()


async def main(items):
    queue = asyncio.Queue()
    results = []
    worker_task = asyncio.create_task(worker(queue, results), name="worker")
    for item in items:
        queue.put_nowait(item)
    await queue.join()
    worker_task.cancel()
    await asyncio.wait({worker_task})  # wait 不会抛出 CancelledError / wait does not raise CancelledError
    with contextlib.suppress(asyncio.CancelledError):
        worker_task.result()
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
