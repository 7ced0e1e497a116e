import asyncio

import aiohttp


async def fetch(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:
            return response.status


async def fetch_all(urls):
    semaphore = asyncio.Semaphore(10)
    statuses = []
    async with aiohttp.ClientSession() as session:
        for finished in asyncio.as_completed([fetch(session, semaphore, url) for url in urls]):
            statuses.append(await finished)  # 到达的先后顺序 / the order the answers arrive in
    return statuses


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
