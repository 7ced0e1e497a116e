import asyncio

import aiohttp


async def fetch_once(session, semaphore, url, timeout):
    """一次请求：占一个名额，超时算失败 / one attempt: holds a slot; a timeout is a failure."""
    async with semaphore:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            return response.status


async def fetch_with_retries(session, semaphore, url, timeout, retries, backoff):
    for attempt in range(retries + 1):
        try:
            status = await fetch_once(session, semaphore, url, timeout)
        except asyncio.TimeoutError:  # aiohttp.ServerTimeoutError 也是它的子类 / also covers ServerTimeoutError
            status = None
        if status is not None and status < 500:
            return status  # 成功或 4xx：不重试 / success or 4xx: no retry
        if attempt < retries:
            # 退避时不占名额 / back off without holding a slot
            await asyncio.sleep(backoff)  # 固定间隔，不是指数退避 / fixed delay, not exponential
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
