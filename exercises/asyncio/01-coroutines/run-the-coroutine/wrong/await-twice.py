import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    print(f"结果: {await hello()}")
    return await hello()  # 又运行了一遍 hello() / runs hello() a second time


if __name__ == "__main__":
    asyncio.run(main())
