import asyncio


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch      # async def fetch(key) -> value
        self._cache = {}         # 成功的结果 / successful values
        self._in_flight = {}     # key -> 正在进行的任务 / the task fetching it now
        self._lock = asyncio.Lock()

    async def get(self, key):
        async with self._lock:  # 一把大锁：所有 key 排队 / one big lock: every key queues
            if key not in self._cache:
                self._cache[key] = await self._fetch(key)
            return self._cache[key]

    async def _load(self, key):
        try:
            value = await self._fetch(key)
            self._cache[key] = value  # 只缓存成功的结果 / cache successes only
            return value
        finally:
            del self._in_flight[key]


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
