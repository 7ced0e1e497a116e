import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)
    return "World"


async def main():
    # 以为在协程里也要用 asyncio.run 来"运行"另一个协程
    result = asyncio.run(hello())
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    asyncio.run(main())
