import asyncio

import requests


async def fetch(semaphore, url):
    async with semaphore:
        return requests.get(url).status_code  # a synchronous call blocks the event loop


async def fetch_all(urls):
    semaphore = asyncio.Semaphore(10)
    return await asyncio.gather(*(fetch(semaphore, url) for url in urls))
