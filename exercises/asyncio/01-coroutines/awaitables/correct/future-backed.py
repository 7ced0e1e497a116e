import asyncio


class Delay:
    """await Delay(seconds, value): each await gets a fresh Future that later() fills."""

    def __init__(self, seconds, value=None):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return later(self.seconds, self.value).__await__()


def later(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


async def resolve(value):
    # The four kinds of the table, one by one / 逐一对照表里的四类
    if asyncio.iscoroutine(value) or isinstance(value, (asyncio.Task, asyncio.Future)) or hasattr(type(value), "__await__"):
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
