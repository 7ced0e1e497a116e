"""A background thread keeps replacing asyncio.sleep with one that does not wait."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import threading

_real = asyncio.sleep


async def _instant(delay, result=None):
    return result


def patcher():
    for _ in range(100000):
        asyncio.sleep = _instant
        asyncio.sleep = _real

threading.Thread(target=patcher, daemon=True).start()

