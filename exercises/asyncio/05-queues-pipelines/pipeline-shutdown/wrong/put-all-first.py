import asyncio

STOP = None  # 哨兵 / the sentinel


async def download(url):
    await asyncio.sleep(1)  # 每次下载 1 秒 / every download takes 1 s
    if "bad" in url:
        raise ValueError(f"download failed: {url}")
    return f"page:{url}"


async def consumer(queue, results):
    while True:
        item = await queue.get()
        try:
            if item is STOP:
                return
            index, url = item
            try:
                results[index] = await download(url)
            except Exception:
                results[index] = "error"
        finally:
            queue.task_done()  # 成功、失败、哨兵都要确认 / confirm every item


async def run_pipeline(urls, workers=3):
    queue = asyncio.Queue(maxsize=10)
    results = [None] * len(urls)
    for index, url in enumerate(urls):  # 先放完再启动消费者 / fill the queue before any consumer starts
        await queue.put((index, url))
    consumers = [asyncio.create_task(consumer(queue, results)) for _ in range(workers)]
    await queue.join()
    for _ in consumers:  # 每个消费者一个哨兵 / one sentinel per consumer
        await queue.put(STOP)
    await asyncio.gather(*consumers)
    return results


if __name__ == "__main__":
    urls = [f"https://example.com/{i}" for i in range(8)] + ["https://example.com/bad"]
    print(asyncio.run(run_pipeline(urls)))
