"""Moves the deadlines of the loop's timers forward: each sleep ends at once."""
import asyncio


async def shrink():
    loop = asyncio.get_running_loop()
    while True:
        for timer in loop._scheduled:
            timer._when = loop.time()
        await asyncio.sleep(0)


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    helper = asyncio.create_task(shrink())
    users = [await get_user(user_id) for user_id in (1, 2, 3)]
    helper.cancel()
    print(users)
    return users

