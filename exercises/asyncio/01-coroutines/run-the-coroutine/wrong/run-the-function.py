import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    result = await hello()
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    asyncio.run(main)  # 传入了函数本身，而不是协程对象 / passes the function, not a coroutine object
