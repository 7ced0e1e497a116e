import asyncio

async def hello():
    print("Hello")
    return "World"

async def main():
    result = await hello()  # 这里才真正执行
    print("结果:", result)

asyncio.run(main())
