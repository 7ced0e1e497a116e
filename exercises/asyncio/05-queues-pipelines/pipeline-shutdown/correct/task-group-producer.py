import asyncio

DONE = object()  # 哨兵 / the sentinel


async def download(url):
    await asyncio.sleep(1)  # 每次下载 1 秒 / every download takes 1 s
    if "bad" in url:
        raise ValueError(f"download failed: {url}")
    return f"page:{url}"


class Pipeline:
    def __init__(self, urls, workers):
        self.urls = urls
        self.workers = workers
        self.queue = asyncio.Queue(maxsize=10)
        self.results = {}

    async def produce(self):
        for index, url in enumerate(self.urls):
            await self.queue.put((index, url))
        # 哨兵排在所有 URL 后面，每个消费者一个 / the sentinels queue up behind every URL, one per consumer
        for _ in range(self.workers):
            await self.queue.put(DONE)

    async def consume(self):
        while (item := await self.queue.get()) is not DONE:
            index, url = item
            try:
                self.results[index] = await download(url)
            except ValueError:
                self.results[index] = "error"
            finally:
                self.queue.task_done()
        self.queue.task_done()

    async def run(self):
        async with asyncio.TaskGroup() as group:  # 退出时等所有任务结束 / waits for every task on exit
            for _ in range(self.workers):
                group.create_task(self.consume())
            group.create_task(self.produce())
            await self.queue.join()
        return [self.results[index] for index in range(len(self.urls))]


async def run_pipeline(urls, workers=3):
    return await Pipeline(urls, workers).run()


if __name__ == "__main__":
    urls = [f"https://example.com/{i}" for i in range(8)] + ["https://example.com/bad"]
    print(asyncio.run(run_pipeline(urls)))
