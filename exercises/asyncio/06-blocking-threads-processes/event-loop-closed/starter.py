import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    # zh: TODO: 并发获取
    # en: TODO: fetch concurrently
    return [await get_user(user_id) for user_id in ids]


loop = asyncio.new_event_loop()  # zh: TODO: 全局循环会被关掉 # en: TODO: a global loop that gets closed


def fetch_users_sync(ids):
    result = loop.run_until_complete(fetch_users(ids))
    loop.close()
    return result


async def dashboard(ids):
    users = fetch_users_sync(ids)  # zh: TODO: 在运行中的循环里不能这样 # en: TODO: not inside a running loop
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    print(asyncio.run(dashboard([1, 2])))
