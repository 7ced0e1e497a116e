import asyncio

import aiohttp


import contextlib


@contextlib.asynccontextmanager
async def Connection(name, log):
    await asyncio.sleep(0.1)
    log.append(f"open {name}")
    yield None  # 没有 try/finally：出错时不会关闭 / no try/finally: not closed on error
    await asyncio.sleep(0.1)
    log.append(f"close {name}")


async def iter_items(session, url):
    """异步生成器：一页一页地取，按需取下一页 / an async generator: fetches page by page, on demand."""
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


if __name__ == "__main__":
    async def main():
        log = []
        async with Connection("db", log):
            log.append("body")
        print(log)
        print(await first_items("https://api.example.com/items?page=1", 4))

    asyncio.run(main())
