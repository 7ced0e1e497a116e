import asyncio

import aiohttp


async def fetch_all(urls):
    # aiohttp 自己的连接上限：同一时刻最多 10 个连接 / aiohttp's own cap: at most 10 connections at once
    connector = aiohttp.TCPConnector(limit=10)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def status(url):
            async with session.get(url) as response:
                return response.status

        return await asyncio.gather(*map(status, urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
