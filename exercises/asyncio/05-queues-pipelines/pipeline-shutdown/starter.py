import asyncio


async def download(url):
    await asyncio.sleep(1)  # zh: 每次下载 1 秒 # en: every download takes 1 s
    if "bad" in url:
        raise ValueError(f"download failed: {url}")
    return f"page:{url}"


async def consumer(queue, results):
    # zh: TODO: 循环：取 (index, url) → download → 写 results[index]（出错写 "error"）→ task_done()
    # en: TODO: loop: get (index, url) → download → results[index] (or "error") → task_done()
    ...


async def run_pipeline(urls, workers=3):
    queue = asyncio.Queue(maxsize=10)
    results = [None] * len(urls)
    # zh: TODO: 启动 workers 个消费者
    # en: TODO: start `workers` consumers
    # zh: TODO: 放入 (index, url)
    # en: TODO: put (index, url) pairs
    # TODO: await queue.join()
    # zh: TODO: 停掉所有消费者并等它们结束
    # en: TODO: stop every consumer and wait for them
    return results


if __name__ == "__main__":
    urls = [f"https://example.com/{i}" for i in range(8)] + ["https://example.com/bad"]
    print(asyncio.run(run_pipeline(urls)))
