import asyncio
import inspect


class Delay:
    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return asyncio.sleep(self.seconds, self.value).__await__()


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


async def resolve(value):
    # 以为可等待对象只有协程和 Future / believes the only awaitables are coroutines and Futures
    if asyncio.iscoroutine(value) or asyncio.isfuture(value):
        return await value
    return value
