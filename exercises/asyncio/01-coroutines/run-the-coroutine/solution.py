import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    # hello() 只创建协程对象；await 它，函数体才会运行并交回返回值
    # hello() only creates a coroutine object; awaiting it runs the body and hands back its value
    result = await hello()
    print(f"结果: {result}")
    return result


if __name__ == "__main__":
    # 程序入口：整个程序只调用一次 asyncio.run
    # the entry point: asyncio.run is called once, for the whole program
    asyncio.run(main())
