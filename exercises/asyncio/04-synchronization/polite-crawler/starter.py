import asyncio

import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls):
    # zh: TODO: 同时最多 10 个请求在进行
    # en: TODO: at most 10 requests in flight at once
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
