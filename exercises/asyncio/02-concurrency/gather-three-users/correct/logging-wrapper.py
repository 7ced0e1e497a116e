import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)  # 模拟 API 请求延迟 / a 0.5 s API call
    return f"user_{user_id}"


async def fetch_logged(user_id):
    # 包装协程：请求前后各打印一行日志 / a wrapper that logs before and after each request
    print(f"fetching user {user_id}…")
    user = await get_user(user_id)
    print(f"got {user}")
    return user


async def main():
    results = await asyncio.gather(*map(fetch_logged, [1, 2, 3]))
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
