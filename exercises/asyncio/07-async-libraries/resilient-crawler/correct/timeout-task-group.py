import asyncio

from aiohttp import ClientSession

RETRY = "retry"


async def attempt(session, semaphore, url, timeout):
    """状态码，或 RETRY（超时、5xx）/ the status, or RETRY (a timeout, a 5xx)."""
    async with semaphore:
        try:
            async with asyncio.timeout(timeout):
                async with session.get(url) as response:
                    status = response.status
        except TimeoutError:
            return RETRY
    return RETRY if status >= 500 else status


async def fetch(session, semaphore, url, timeout, retries, backoff):
    failures = 0
    while True:
        outcome = await attempt(session, semaphore, url, timeout)
        if outcome != RETRY:
            return outcome
        if failures == retries:
            return None
        await asyncio.sleep(backoff * 2 ** failures)  # 名额已经还回去了 / the slot is already back
        failures += 1


async def crawl(urls, *, limit=3, timeout=1.0, retries=2, backoff=0.5):
    semaphore = asyncio.Semaphore(limit)
    async with ClientSession() as session:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(session, semaphore, url, timeout, retries, backoff)) for url in urls]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    urls = ["https://shop.example.com/ok/1", "https://shop.example.com/down/1",
            "https://shop.example.com/slow/1", "https://shop.example.com/missing/1"]
    print(asyncio.run(crawl(urls)))
