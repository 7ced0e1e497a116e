import asyncio
import inspect
import time


class Delay:
    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        time.sleep(self.seconds)  # 阻塞了整个事件循环 / blocks the whole loop
        return self.value
        yield


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


async def resolve(value):
    if inspect.isawaitable(value):
        return await value
    return value
