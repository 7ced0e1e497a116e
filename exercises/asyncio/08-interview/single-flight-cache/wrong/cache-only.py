import asyncio


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch      # async def fetch(key) -> value
        self._cache = {}         # 成功的结果 / successful values
        self._in_flight = {}     # key -> 正在进行的任务 / the task fetching it now

    async def get(self, key):
        if key in self._cache:
            return self._cache[key]
        value = await self._fetch(key)  # 缓存写入之前，每个调用者都各发一次 / every caller fetches until the cache is filled
        self._cache[key] = value
        return value


if __name__ == "__main__":
    async def slow_fetch(key):
        print("fetching", key)
        await asyncio.sleep(1)
        return key.upper()

    async def main():
        cache = SingleFlight(slow_fetch)
        print(await asyncio.gather(*(cache.get("a") for _ in range(5))))
        print(await cache.get("a"))

    asyncio.run(main())
