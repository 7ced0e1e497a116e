import asyncio


async def hello():
    print("Hello")
    await asyncio.sleep(1)  # 模拟 1 秒的 I/O / a 1 s I/O wait
    return "World"


async def main():
    result = await hello()
    print("结果:", result)
    return result


# The entry point without an if __name__ guard: run as a script it starts the loop once
# 不写 if __name__ 判断的程序入口：作为脚本运行时只启动一次事件循环
asyncio.run(main())
