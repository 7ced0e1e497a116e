import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    return await asyncio.gather(*(get_user(user_id) for user_id in ids))


def fetch_users_sync(ids):
    # 每次都新建、运行、关闭一个循环 / a fresh loop every call, created, run and closed
    return asyncio.run(fetch_users(ids))


async def dashboard(ids):
    loop = asyncio.get_event_loop()
    users = loop.run_until_complete(fetch_users(ids))  # 循环已经在运行 / the loop is already running
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    print(asyncio.run(dashboard([1, 2])))
