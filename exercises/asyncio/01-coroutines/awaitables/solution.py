import asyncio
import inspect


class Delay:
    """await Delay(seconds, value): waits `seconds` without blocking the loop, then gives back `value`."""

    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        # __await__ must return an iterator: borrow the one of a coroutine that does the waiting
        # __await__ 必须返回一个迭代器：借用一个负责等待的协程的迭代器
        return asyncio.sleep(self.seconds, self.value).__await__()


def later(seconds, value):
    """A Future that receives `value` as its result `seconds` from now."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


async def resolve(value):
    """Await `value` if it is awaitable; otherwise give it back unchanged."""
    if inspect.isawaitable(value):
        return await value
    return value


async def main():
    async def answer():
        await asyncio.sleep(0.5)
        return 42

    task = asyncio.create_task(answer())
    results = [
        await resolve(answer()),         # 协程 / a coroutine
        await resolve(task),             # Task
        await resolve(later(0.5, "f")),  # Future
        await resolve(Delay(0.5, "d")),  # 实现了 __await__ 的对象 / an object with __await__
        await resolve(print("hi")),      # print() 返回 None，不可等待 / print() returns None: not awaitable
        await resolve(42),               # 数字不可等待 / a number is not awaitable
    ]
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
