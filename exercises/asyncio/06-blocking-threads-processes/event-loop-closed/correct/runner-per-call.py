import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    # TaskGroup：任务按 ids 的顺序建立，结果也按这个顺序读 / tasks made in the order of ids, results read in that order
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(get_user(user_id)) for user_id in ids]
    return [task.result() for task in tasks]


def fetch_users_sync(ids):
    # asyncio.Runner：每次调用一个新循环，with 结束时关闭 / a fresh loop per call, closed when the with ends
    with asyncio.Runner() as runner:
        return runner.run(fetch_users(ids))


async def dashboard(ids):
    users = await fetch_users(ids)
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    print(asyncio.run(dashboard([1, 2])))
