import asyncio
import inspect


class Delay:
    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    async def __await__(self):  # 以为 __await__ 也写成 async def / believes __await__ is an async def too
        await asyncio.sleep(self.seconds)
        return self.value


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


async def resolve(value):
    if inspect.isawaitable(value):
        return await value
    return value
