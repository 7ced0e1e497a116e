import asyncio

import aiohttp


class Connection:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    # zh: TODO: async def __aenter__(self): 等 0.1 秒，记录 f"open {name}"，返回 self
    # en: TODO: async def __aenter__(self): wait 0.1 s, log f"open {name}", return self
    # zh: TODO: async def __aexit__(self, exc_type, exc, tb): 等 0.1 秒，记录 f"close {name}"，不吞异常
    # en: TODO: async def __aexit__(self, exc_type, exc, tb): wait 0.1 s, log f"close {name}", don't swallow errors


async def iter_items(session, url):
    # zh: TODO: 异步生成器：取一页，逐个 yield page["items"]，再按 page["next"] 取下一页（None 表示结束）
    # en: TODO: async generator: fetch a page, yield page["items"] one by one, then follow page["next"] (None = end)
    yield  # zh: 删掉这一行 # en: remove this line


async def first_items(url, limit):
    # zh: TODO: 一个 ClientSession；async for 取最多 limit 个条目
    # en: TODO: one ClientSession; async for up to limit items
    ...


if __name__ == "__main__":
    async def main():
        log = []
        async with Connection("db", log):
            log.append("body")
        print(log)
        print(await first_items("https://api.example.com/items?page=1", 4))

    asyncio.run(main())
