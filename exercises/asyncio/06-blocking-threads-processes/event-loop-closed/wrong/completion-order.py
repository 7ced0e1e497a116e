import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    users = []
    for next_done in asyncio.as_completed([get_user(user_id) for user_id in ids]):
        users.append(await next_done)  # 完成顺序 / in the order they finish
    return users


def fetch_users_sync(ids):
    # 每次都新建、运行、关闭一个循环 / a fresh loop every call, created, run and closed
    return asyncio.run(fetch_users(ids))


async def dashboard(ids):
    users = await fetch_users(ids)  # 已经在循环里：直接 await / already inside a loop: just await
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    print(asyncio.run(dashboard([1, 2])))
