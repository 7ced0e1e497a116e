"""Makes every event loop's clock read far in the future, so timers fire at once."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import asyncio.base_events

asyncio.base_events.BaseEventLoop.time = lambda self: 1e9

