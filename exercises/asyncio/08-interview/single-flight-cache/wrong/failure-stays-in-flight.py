import asyncio


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch
        self._cache = {}
        self._in_flight = {}

    async def get(self, key):
        if key in self._cache:
            return self._cache[key]
        task = self._in_flight.get(key)
        if task is None:
            task = asyncio.create_task(self._load(key))
            self._in_flight[key] = task
        return await asyncio.shield(task)

    async def _load(self, key):
        value = await self._fetch(key)
        self._cache[key] = value
        del self._in_flight[key]  # 只有成功才删：失败的任务一直留在字典里 / removed on success only
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
