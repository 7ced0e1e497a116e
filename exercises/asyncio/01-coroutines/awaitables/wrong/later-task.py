import asyncio
import inspect


class Delay:
    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return asyncio.sleep(self.seconds, self.value).__await__()


def later(seconds, value):
    # 用一个运行 asyncio.sleep 的任务代替 Future / a task running asyncio.sleep instead of a Future
    return asyncio.ensure_future(asyncio.sleep(seconds, value))


async def resolve(value):
    if inspect.isawaitable(value):
        return await value
    return value
