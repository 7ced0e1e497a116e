import asyncio

import aiohttp


async def fetch_once(semaphore, url, timeout):
    async with semaphore:
        async with aiohttp.ClientSession() as session:  # 每次请求一个会话 / a session per request
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
                return response.status


async def fetch_with_retries(semaphore, url, timeout, retries, backoff):
    for attempt in range(retries + 1):
        try:
            status = await fetch_once(semaphore, url, timeout)
        except asyncio.TimeoutError:
            status = None
        if status is not None and status < 500:
            return status
        if attempt < retries:
            await asyncio.sleep(backoff * 2 ** attempt)
    return None


async def crawl(urls, *, limit=3, timeout=1.0, retries=2, backoff=0.5):
    semaphore = asyncio.Semaphore(limit)
    return await asyncio.gather(*(fetch_with_retries(semaphore, url, timeout, retries, backoff) for url in urls))
