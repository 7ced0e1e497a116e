import asyncio


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
    # 以为只有协程才可等待 / believes only coroutines are awaitable
    if asyncio.iscoroutine(value):
        return await value
    return value
