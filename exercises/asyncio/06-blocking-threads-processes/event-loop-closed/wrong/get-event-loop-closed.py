import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    return await asyncio.gather(*(get_user(user_id) for user_id in ids))


def fetch_users_sync(ids):
    loop = asyncio.get_event_loop()  # 第二次拿到的是上次关掉的那个 / the second call gets the one closed last time
    try:
        return loop.run_until_complete(fetch_users(ids))
    finally:
        loop.close()


async def dashboard(ids):
    users = await fetch_users(ids)  # 已经在循环里：直接 await / already inside a loop: just await
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    print(asyncio.run(dashboard([1, 2])))
