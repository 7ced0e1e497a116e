"""Uses ctypes to read and write the process's memory."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import ctypes

ctypes.memmove(id(asyncio.sleep), id(asyncio.sleep), 16)

