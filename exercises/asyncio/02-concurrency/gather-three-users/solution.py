import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)  # 模拟 API 请求延迟
    return f"user_{user_id}"


async def main():
    # 三个请求并发发出，总耗时约 0.5 秒，不是 1.5 秒
    results = await asyncio.gather(get_user(1), get_user(2), get_user(3))
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
