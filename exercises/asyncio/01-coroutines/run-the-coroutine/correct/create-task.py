import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    # A task runs hello(); awaiting the task gives hello()'s return value
    # 由一个任务运行 hello()；await 这个任务得到 hello() 的返回值
    task = asyncio.create_task(hello())
    result = await task
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    asyncio.run(main())
