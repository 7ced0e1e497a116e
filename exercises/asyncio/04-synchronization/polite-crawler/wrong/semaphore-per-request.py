import asyncio

import aiohttp


async def fetch(session, url):
    semaphore = asyncio.Semaphore(10)  # a new semaphore per request limits nothing
    async with semaphore:
        async with session.get(url) as response:
            return response.status


async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in urls))
