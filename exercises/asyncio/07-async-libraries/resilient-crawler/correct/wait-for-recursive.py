import asyncio

import aiohttp


class Crawler:
    def __init__(self, session, limit, timeout, retries, backoff):
        self.session = session
        self.slots = asyncio.Semaphore(limit)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff

    async def _status(self, url):
        response = await self.session.get(url)
        return response.status

    async def get(self, url, attempt=0):
        async with self.slots:
            try:
                status = await asyncio.wait_for(self._status(url), self.timeout)
            except asyncio.TimeoutError:
                status = None
        if status is not None and status < 500:
            return status
        if attempt == self.retries:
            print(f"giving up on {url}")
            return None
        await asyncio.sleep(self.backoff * 2 ** attempt)
        return await self.get(url, attempt + 1)


async def crawl(urls, *, limit=3, timeout=1.0, retries=2, backoff=0.5):
    async with aiohttp.ClientSession() as session:
        crawler = Crawler(session, limit, timeout, retries, backoff)
        tasks = [asyncio.create_task(crawler.get(url), name=url) for url in urls]
        return [await task for task in tasks]


if __name__ == "__main__":
    urls = ["https://shop.example.com/ok/1", "https://shop.example.com/down/1",
            "https://shop.example.com/slow/1", "https://shop.example.com/missing/1"]
    print(asyncio.run(crawl(urls)))
