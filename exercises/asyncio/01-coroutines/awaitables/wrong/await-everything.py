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
    return await value  # 以为什么都能 await / believes anything can be awaited
