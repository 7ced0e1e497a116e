import asyncio

import aiohttp


async def fetch(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:
            return response.status


async def fetch_all(urls):
    semaphore = asyncio.Semaphore()  # 忘了写 10：默认只有 1 个名额 / forgot the 10: one slot by default
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, semaphore, url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
