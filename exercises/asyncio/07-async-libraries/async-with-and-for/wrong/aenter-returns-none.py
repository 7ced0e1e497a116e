import asyncio

import aiohttp


class Connection:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        self.log.append(f"open {self.name}")  # 忘了 return self / forgets return self

    async def __aexit__(self, exc_type, exc, traceback):
        await asyncio.sleep(0.1)
        self.log.append(f"close {self.name}")
        return False


async def iter_items(session, url):
    while url is not None:
        async with session.get(url) as response:
            page = await response.json()
        for item in page["items"]:
            yield item
        url = page["next"]


async def first_items(url, limit):
    items = []
    async with aiohttp.ClientSession() as session:
        async for item in iter_items(session, url):
            items.append(item)
            if len(items) >= limit:
                break
    return items
