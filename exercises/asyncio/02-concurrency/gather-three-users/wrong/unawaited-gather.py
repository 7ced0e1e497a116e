import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = asyncio.gather(get_user(1), get_user(2), get_user(3))  # a future, not the list: it is never awaited
    return users
