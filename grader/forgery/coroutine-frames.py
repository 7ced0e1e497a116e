"""Reaches frames through the running task's coroutine, from inside main()."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    frame = asyncio.current_task().get_coro().cr_frame
    while frame is not None:
        frame.f_globals.get("scheduler")
        frame = frame.f_back
    users = [await get_user(user_id) for user_id in (1, 2, 3)]
    print(users)
    return users

