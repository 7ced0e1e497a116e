import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    result = await hello()
    print(f"结果: {result}")
    return result


def cli():
    """The program's entry point: the one place that starts the event loop."""
    return asyncio.run(main())


if __name__ == "__main__":
    cli()
