import asyncio
import inspect


class Delay:
    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return asyncio.sleep(self.seconds, self.value).__await__()


async def later(seconds, value):
    # 以为"将来才有的结果"就是一个会等待的协程 / believes "a result that arrives later" is a coroutine that waits
    await asyncio.sleep(seconds)
    return value


async def resolve(value):
    if inspect.isawaitable(value):
        return await value
    return value
