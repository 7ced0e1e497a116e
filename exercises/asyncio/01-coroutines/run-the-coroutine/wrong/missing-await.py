import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)
    return "World"


async def main():
    result = hello()  # 只得到协程对象 / only a coroutine object
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    asyncio.run(main())
