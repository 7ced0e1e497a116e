import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # zh: 模拟 1 秒的 I/O # en: a 1 s I/O wait
    return "World"


async def main():
    # zh: TODO: 运行 hello() 并拿到它的返回值，打印 "结果: World"，然后返回这个值
    # en: TODO: run hello() and get its return value, print "结果: World", then return the value
    result = hello()
    print(f"结果: {result}")
    return result


# zh: TODO: 在程序入口用 asyncio.run 启动 main()（只调用一次）
# en: TODO: start main() with asyncio.run at the entry point (call it once)
