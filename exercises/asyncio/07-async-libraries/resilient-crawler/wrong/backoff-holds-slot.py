import asyncio

import aiohttp


async def fetch_once(session, semaphore, url, timeout):
    """一次请求：占一个名额，超时算失败 / one attempt: holds a slot; a timeout is a failure."""
    async with semaphore:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            return response.status


async def fetch_with_retries(session, semaphore, url, timeout, retries, backoff):
    async with semaphore:  # 整个重试过程都占着名额 / holds the slot through every retry
        for attempt in range(retries + 1):
            try:
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
                    status = response.status
            except asyncio.TimeoutError:
                status = None
            if status is not None and status < 500:
                return status
            if attempt < retries:
                await asyncio.sleep(backoff * 2 ** attempt)
        return None


async def crawl(urls, *, limit=3, timeout=1.0, retries=2, backoff=0.5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(
            *(fetch_with_retries(session, semaphore, url, timeout, retries, backoff) for url in urls)
        )


if __name__ == "__main__":
    urls = ["https://shop.example.com/ok/1", "https://shop.example.com/down/1",
            "https://shop.example.com/slow/1", "https://shop.example.com/missing/1"]
    print(asyncio.run(crawl(urls)))
