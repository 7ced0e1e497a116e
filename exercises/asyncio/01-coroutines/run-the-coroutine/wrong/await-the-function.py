import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    result = await hello  # 忘了调用 hello / forgets to call hello
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    asyncio.run(main())
