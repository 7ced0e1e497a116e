import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)  # zh: 模拟 API 请求延迟 # en: a 0.5 s API call
    return f"user_{user_id}"


async def main():
    # zh: TODO: 并发获取用户 1、2、3,打印并返回结果列表
    # en: TODO: fetch users 1, 2 and 3 concurrently; print and return the list
    ...


if __name__ == "__main__":
    asyncio.run(main())
