import asyncio
import time

import aiohttp


async def fetch(session, semaphore, index, url):
    async with semaphore:
        started = time.monotonic()
        async with session.get(url) as response:
            print(f"{url} -> {response.status} ({time.monotonic() - started:.2f} s)")
            return index, response.status


async def fetch_all(urls):
    semaphore = asyncio.Semaphore(10)
    statuses = [None] * len(urls)
    async with aiohttp.ClientSession() as session:
        jobs = [fetch(session, semaphore, index, url) for index, url in enumerate(urls)]
        for finished in asyncio.as_completed(jobs):
            index, status = await finished
            statuses[index] = status
    return statuses


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
