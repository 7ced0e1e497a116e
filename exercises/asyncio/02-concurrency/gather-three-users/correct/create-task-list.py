import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)  # 模拟 API 请求延迟 / a 0.5 s API call
    return f"user_{user_id}"


async def main():
    # 先创建全部任务（它们立刻开始），再按顺序逐个 await
    # create every task first (they start at once), then await them in order
    tasks = [asyncio.create_task(get_user(user_id)) for user_id in range(1, 4)]
    results = []
    for task in tasks:
        results.append(await task)
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
