import asyncio
import contextlib

from aiohttp import ClientSession


class Connection(contextlib.AbstractAsyncContextManager):
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, *exc_info):
        try:
            await asyncio.sleep(0.1)
        finally:
            self.log.append(f"close {self.name}")
        # 返回 None：异常照常抛出 / returns None: the exception propagates


async def pages(session, url):
    """一页一页地给出 / yields the pages one at a time."""
    while url:
        async with session.get(url) as response:
            page = await response.json()
        yield page
        url = page.get("next")


async def iter_items(session, url):
    async for page in pages(session, url):
        for item in page["items"]:
            yield item


async def first_items(url, limit):
    taken = []
    if limit <= 0:
        return taken
    async with ClientSession() as session:
        async for item in iter_items(session, url):
            taken.append(item)
            if len(taken) == limit:
                return taken
    return taken


if __name__ == "__main__":
    async def main():
        log = []
        async with Connection("db", log):
            log.append("body")
        print(log)
        print(await first_items("https://api.example.com/items?page=1", 4))

    asyncio.run(main())
