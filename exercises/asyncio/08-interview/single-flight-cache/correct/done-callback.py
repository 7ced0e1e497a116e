import asyncio
import functools


class SingleFlight:
    def __init__(self, fetch):
        self._fetch = fetch
        self._cache = {}
        self._tasks = {}  # key -> asyncio.Task

    def _settled(self, key, task):
        """任务结束时：成功就缓存，然后不再算“进行中” / when the task ends: cache a success, then it is no longer in flight."""
        del self._tasks[key]
        if not task.cancelled() and task.exception() is None:
            self._cache[key] = task.result()

    async def get(self, key):
        try:
            return self._cache[key]
        except KeyError:
            pass
        if key not in self._tasks:
            task = asyncio.ensure_future(self._fetch(key))
            task.add_done_callback(functools.partial(self._settled, key))
            self._tasks[key] = task
        return await asyncio.shield(self._tasks[key])


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
