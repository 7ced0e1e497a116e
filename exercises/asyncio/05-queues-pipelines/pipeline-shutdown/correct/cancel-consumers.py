import asyncio


async def download(url):
    await asyncio.sleep(1)  # 每次下载 1 秒 / every download takes 1 s
    if "bad" in url:
        raise ValueError(f"download failed: {url}")
    return f"page:{url}"


async def worker(name, queue, results):
    while True:
        index, url = await queue.get()
        try:
            results[index] = await download(url)
        except Exception as error:
            print(f"{name}: {error}")
            results[index] = "error"
        finally:
            queue.task_done()


async def run_pipeline(urls, workers=3):
    queue = asyncio.Queue(maxsize=10)
    results = [None] * len(urls)
    consumers = [asyncio.create_task(worker(f"worker-{number}", queue, results), name=f"worker-{number}")
                 for number in range(workers)]
    for item in enumerate(urls):
        await queue.put(item)
    await queue.join()
    # 全部处理完了，消费者都停在 get() 上：取消它们，再等它们真正结束
    # everything is done and every consumer waits in get(): cancel them, then wait until they have ended
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    return results


if __name__ == "__main__":
    urls = [f"https://example.com/{i}" for i in range(8)] + ["https://example.com/bad"]
    print(asyncio.run(run_pipeline(urls)))
