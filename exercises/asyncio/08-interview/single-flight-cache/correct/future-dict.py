import asyncio


class SingleFlight:
    """进行中的请求存成 Future；真正的 fetch 在一个独立的任务里跑，把结果填进 Future。
    Requests in flight are Futures; the real fetch runs in a task of its own that fills the Future in."""

    def __init__(self, fetch):
        self._fetch = fetch
        self._cache = {}
        self._waiting = {}  # key -> asyncio.Future

    async def get(self, key):
        if key in self._cache:
            return self._cache[key]
        future = self._waiting.get(key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._waiting[key] = future
            self._runner = asyncio.create_task(self._fill(key, future))
        return await asyncio.shield(future)

    async def _fill(self, key, future):
        try:
            value = await self._fetch(key)
        except Exception as error:
            future.set_exception(error)
        else:
            self._cache[key] = value
            future.set_result(value)
        finally:
            self._waiting.pop(key, None)


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
