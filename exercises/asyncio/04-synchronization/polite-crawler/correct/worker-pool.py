import asyncio

import aiohttp

WORKERS = 10


async def crawl(session, queue, statuses):
    while True:
        index, url = await queue.get()
        try:
            async with session.get(url) as response:
                statuses[index] = response.status
        finally:
            queue.task_done()


async def fetch_all(urls):
    # 10 个 worker 从同一个队列里取 URL / ten workers take URLs from one queue
    queue = asyncio.Queue()
    for item in enumerate(urls):
        queue.put_nowait(item)
    statuses = [None] * len(urls)
    async with aiohttp.ClientSession() as session:
        workers = [asyncio.create_task(crawl(session, queue, statuses)) for _ in range(WORKERS)]
        await queue.join()
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    return statuses


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
