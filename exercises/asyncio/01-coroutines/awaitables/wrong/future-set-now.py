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
    future.set_result(value)  # 立刻设置结果，没有等 / sets the result at once
    return future


async def resolve(value):
    if inspect.isawaitable(value):
        return await value
    return value
