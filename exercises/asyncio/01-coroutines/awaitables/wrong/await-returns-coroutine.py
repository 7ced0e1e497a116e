import asyncio
import inspect


class Delay:
    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        # 返回了协程本身，而不是它的迭代器 / returns the coroutine itself, not its iterator
        return asyncio.sleep(self.seconds, self.value)


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


async def resolve(value):
    if inspect.isawaitable(value):
        return await value
    return value
