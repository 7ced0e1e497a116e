import asyncio

import aiohttp


class Connection:
    def __init__(self, name, log):
        self.name, self.log = name, log
        self.is_open = False

    async def _pause(self, what):
        await asyncio.sleep(0.1)
        self.log.append(f"{what} {self.name}")

    async def __aenter__(self):
        await self._pause("open")
        self.is_open = True
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        await self._pause("close")
        self.is_open = False
        return exc_type is None and None  # 从不返回真值 / never truthy


async def iter_items(session, url):
    next_url = url
    while next_url is not None:
        response = await session.get(next_url)
        page = await response.json()
        for item in page["items"]:
            yield item
        next_url = page["next"]


async def first_items(url, limit):
    async with aiohttp.ClientSession() as session:
        items = iter_items(session, url)
        result = []
        try:
            while len(result) < limit:
                try:
                    result.append(await anext(items))
                except StopAsyncIteration:
                    break
        finally:
            await items.aclose()
        return result


if __name__ == "__main__":
    async def main():
        log = []
        async with Connection("db", log):
            log.append("body")
        print(log)
        print(await first_items("https://api.example.com/items?page=1", 4))

    asyncio.run(main())
