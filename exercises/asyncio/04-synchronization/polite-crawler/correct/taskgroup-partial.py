import asyncio
import functools

import aiohttp


async def fetch(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:
            return response.status


async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        get = functools.partial(fetch, session, asyncio.Semaphore(10))
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(get(url)) for url in urls]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(100)]
    print(asyncio.run(fetch_all(urls)))
