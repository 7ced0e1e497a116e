import asyncio


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch      # async def fetch(key) -> value
        self._cache = {}         # 成功的结果 / successful values
        self._in_flight = {}     # key -> 正在进行的任务 / the task fetching it now

    async def get(self, key):
        if key in self._cache:
            return self._cache[key]
        task = self._in_flight.get(key)
        if task is None:  # 第一个调用者发起请求 / the first caller starts the fetch
            task = asyncio.create_task(self._load(key))
            self._in_flight[key] = task
        # shield：一个等待者被取消，不会取消大家共享的请求
        # shield: one waiter being cancelled does not cancel the shared fetch
        return await task  # 没有 shield / no shield

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
