"""Gives the running loop a clock of its own that is always far ahead."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.__dict__["time"] = lambda: start + 1e6
    users = [await get_user(user_id) for user_id in (1, 2, 3)]
    print(users)
    return users

