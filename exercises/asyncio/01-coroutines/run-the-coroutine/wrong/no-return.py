import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    result = await hello()
    print(f"结果: {result}")  # 打印了，却忘了 return / prints it, but forgets to return it


if __name__ == "__main__":
    asyncio.run(main())
