import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)
    return "World"


async def main():
    result = await hello()
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    main()  # 调用协程函数不会运行它 / calling it does not run it
