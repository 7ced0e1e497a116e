import asyncio

async def download(url):
    await asyncio.sleep(1)  # 每次下载 1 秒 / every download takes 1 s
    if "bad" in url:
        raise ValueError(f"download failed: {url}")
    return f"page:{url}"


async def consumer(queue, results):
    while not queue.empty():  # 队列空了就以为活干完了 / an empty queue taken for "no more work"
        item = await queue.get()
        try:
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
    consumers = [asyncio.create_task(consumer(queue, results)) for _ in range(workers)]
    for index, url in enumerate(urls):
        await queue.put((index, url))
    await queue.join()
    await asyncio.gather(*consumers)  # 消费者自己会停 / the consumers stop by themselves
    return results


if __name__ == "__main__":
    urls = [f"https://example.com/{i}" for i in range(8)] + ["https://example.com/bad"]
    print(asyncio.run(run_pipeline(urls)))
