import asyncio

import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls):
    # 每次 10 个，一批一批地 gather / 10 at a time, gathered batch after batch
    statuses = []
    async with aiohttp.ClientSession() as session:
        for first in range(0, len(urls), 10):
            batch = urls[first:first + 10]
            statuses.extend(await asyncio.gather(*(fetch(session, url) for url in batch)))
    return statuses


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
