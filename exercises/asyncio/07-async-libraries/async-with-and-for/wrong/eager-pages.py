import asyncio

import aiohttp


class Connection:
    """异步上下文管理器 / an async context manager."""

    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0.1)  # 建立连接 / connecting
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        await asyncio.sleep(0.1)  # 关闭连接 / closing
        self.log.append(f"close {self.name}")
        return False  # 不吞掉异常 / do not swallow the exception


async def iter_items(session, url):
    """异步生成器：一页一页地取，按需取下一页 / an async generator: fetches page by page, on demand."""
    items = []
    while url is not None:  # 先把所有页都取完 / fetches every page first
        async with session.get(url) as response:
            page = await response.json()
        items.extend(page["items"])
        url = page["next"]
    for item in items:
        yield item


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
