import asyncio

import aiohttp


async def fetch_with_retries(session, url, timeout, retries, backoff):
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
    results = []
    async with aiohttp.ClientSession() as session:
        for start in range(0, len(urls), limit):  # 每批 limit 个 / limit at a time, batch by batch
            batch = urls[start:start + limit]
            results += await asyncio.gather(
                *(fetch_with_retries(session, url, timeout, retries, backoff) for url in batch)
            )
    return results
