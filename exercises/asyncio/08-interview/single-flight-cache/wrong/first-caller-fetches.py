import asyncio


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch
        self._cache = {}
        self._waiting = {}  # key -> asyncio.Future

    async def get(self, key):
        if key in self._cache:
            return self._cache[key]
        if key in self._waiting:
            return await asyncio.shield(self._waiting[key])
        future = asyncio.get_running_loop().create_future()
        self._waiting[key] = future
        try:
            value = await self._fetch(key)  # 第一个调用者自己去取：它被取消，请求也跟着没了 / the first caller fetches itself
            self._cache[key] = value
            future.set_result(value)
            return value
        except Exception as error:
            future.set_exception(error)
            raise
        finally:
            del self._waiting[key]


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
