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
    # 手动管理事件循环，关掉以后又用它（seed 001 的"坑 3"）
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())
    loop.close()
    loop.run_until_complete(main())
