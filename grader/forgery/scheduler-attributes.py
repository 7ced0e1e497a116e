"""Reaches the runtime's scheduler through a patched function's globals and moves its clock."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    loop = asyncio.get_running_loop()
    scheduler = type(loop).call_at.__globals__["scheduler"]
    users = []
    for user_id in (1, 2, 3):
        task = asyncio.ensure_future(get_user(user_id))
        await asyncio.sleep(0)
        scheduler.now += 0.5 if user_id > 1 else 0
        users.append(await task)
    print(users)
    return users

