import asyncio


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch      # async def fetch(key) -> value
        self._cache = {}         # zh: 成功的结果 # en: successful values
        self._in_flight = {}     # zh: key -> 正在进行的任务 # en: key -> the task fetching it now

    async def get(self, key):
        # zh: TODO: 有缓存直接返回；有进行中的请求就等它；否则发起一个（只缓存成功的结果）
        # en: TODO: cached → return it; a fetch in flight → wait for it; otherwise start one (cache successes only)
        return await self._fetch(key)


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
