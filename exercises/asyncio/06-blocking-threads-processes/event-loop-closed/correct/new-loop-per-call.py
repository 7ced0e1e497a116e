import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    tasks = [asyncio.ensure_future(get_user(user_id)) for user_id in ids]
    await asyncio.wait(tasks)  # 全部完成 / all of them done
    return [task.result() for task in tasks]


def fetch_users_sync(ids):
    loop = asyncio.new_event_loop()  # 每次调用自己的循环 / a loop of this call's own
    try:
        return loop.run_until_complete(fetch_users(ids))
    finally:
        loop.close()


async def dashboard(ids):
    users = await fetch_users(ids)
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    print(asyncio.run(dashboard([1, 2])))
