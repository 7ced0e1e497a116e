import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)  # 模拟 API 请求延迟 / a 0.5 s API call
    return f"user_{user_id}"


async def main():
    # TaskGroup：三个任务同时运行，离开 async with 时都已完成
    # TaskGroup: the three tasks run at the same time and have all finished when the block is left
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(get_user(user_id)) for user_id in (1, 2, 3)]
    results = [task.result() for task in tasks]
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
