import asyncio


class Delay:
    """await Delay(seconds, value): a generator-based __await__ that delegates to asyncio.sleep's iterator."""

    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        # A generator: yield from hands every suspension of asyncio.sleep to the event loop
        # 生成器写法：yield from 把 asyncio.sleep 的每次挂起都交给事件循环
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = asyncio.Future()  # the running loop's Future / 属于正在运行的事件循环
    loop.call_at(loop.time() + seconds, future.set_result, value)
    return future


async def resolve(value):
    # Anything with __await__ (coroutines, Tasks, Futures, Delay) can be awaited
    # 有 __await__ 的东西（协程、Task、Future、Delay）都可以 await
    if hasattr(value, "__await__"):
        return await value
    return value


async def main():
    async def answer():
        await asyncio.sleep(0.5)
        return 42

    task = asyncio.create_task(answer())
    results = [
        await resolve(answer()),
        await resolve(task),
        await resolve(later(0.5, "f")),
        await resolve(Delay(0.5, "d")),
        await resolve(print("hi")),
        await resolve(42),
    ]
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
