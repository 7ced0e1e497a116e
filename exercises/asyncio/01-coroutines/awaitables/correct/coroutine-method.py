import asyncio
from collections.abc import Awaitable


class Delay:
    """await Delay(seconds, value): __await__ borrows the iterator of a private coroutine."""

    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    async def _wait(self):
        await asyncio.sleep(self.seconds)
        return self.value

    def __await__(self):
        return self._wait().__await__()


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def deliver():
        if not future.cancelled():  # nobody wants the result any more / 已经没人要这个结果了
            future.set_result(value)

    loop.call_later(seconds, deliver)
    return future


async def resolve(value):
    if isinstance(value, Awaitable):
        return await value
    return value


async def main():
    async def answer():
        await asyncio.sleep(0.5)
        return 42

    task = asyncio.create_task(answer())
    results = [
        await resolve(answer()),
        await resolve(task),
        await resolve(later(0.5, "f")),
        await resolve(Delay(0.5, "d")),
        await resolve(print("hi")),
        await resolve(42),
    ]
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
