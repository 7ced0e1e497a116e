import asyncio
import functools

import aiohttp


async def get_status(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:  # 会话自带超时 / the session's own timeout
            if response.status >= 500:
                response.raise_for_status()
            return response.status


async def with_retries(request, url, retries, backoff):
    for k in range(retries + 1):
        if k:
            await asyncio.sleep(backoff * 2 ** (k - 1))
        try:
            return await request(url)
        except (asyncio.TimeoutError, aiohttp.ClientResponseError):
            continue
    return None


async def crawl(urls, *, limit=3, timeout=1.0, retries=2, backoff=0.5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        request = functools.partial(get_status, session, semaphore)
        return list(await asyncio.gather(*(with_retries(request, url, retries, backoff) for url in urls)))


if __name__ == "__main__":
    urls = ["https://shop.example.com/ok/1", "https://shop.example.com/down/1",
            "https://shop.example.com/slow/1", "https://shop.example.com/missing/1"]
    print(asyncio.run(crawl(urls)))
