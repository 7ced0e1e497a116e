import asyncio

import aiohttp


async def fetch_once(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:
            return response.status


async def fetch_with_retries(session, semaphore, url, timeout, retries, backoff):
    for attempt in range(retries + 1):
        try:
            # 超时把排队等名额的时间也算进去了 / the timeout also counts the time queued for a slot
            status = await asyncio.wait_for(fetch_once(session, semaphore, url), timeout)
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
