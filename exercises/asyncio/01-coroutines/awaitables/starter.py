import asyncio
import inspect


class Delay:
    """await Delay(seconds, value): waits `seconds` without blocking the loop, then gives back `value`."""

    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    # zh: TODO: 实现 __await__，让 `await Delay(0.5, "x")` 等待 0.5 秒后得到 "x"
    # en: TODO: implement __await__ so that `await Delay(0.5, "x")` waits 0.5 s and gives "x"


def later(seconds, value):
    """A Future that receives `value` as its result `seconds` from now."""
    # zh: TODO: 用 loop.create_future() 创建 Future，用 loop.call_later 在 seconds 秒后设置结果
    # en: TODO: create the Future with loop.create_future(); set its result after `seconds` with loop.call_later
    ...


async def resolve(value):
    """Await `value` if it is awaitable; otherwise give it back unchanged."""
    # TODO
    return await value


async def main():
    async def answer():
        await asyncio.sleep(0.5)
        return 42

    task = asyncio.create_task(answer())
    results = [
        await resolve(answer()),         # zh: 协程 # en: a coroutine
        await resolve(task),             # Task
        await resolve(later(0.5, "f")),  # Future
        await resolve(Delay(0.5, "d")),  # zh: 实现了 __await__ 的对象 # en: an object with __await__
        await resolve(print("hi")),      # zh: print() 返回 None，不可等待 # en: print() returns None: not awaitable
        await resolve(42),               # zh: 数字不可等待 # en: a number is not awaitable
    ]
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
