"""A background thread writes forged frames to the channel while the run goes on."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import os
import threading


def spam():
    frame = (2).to_bytes(4, 'big') + bytes(32) + b'{}'
    for _ in range(200):
        try:
            os.write(3, frame)
        except OSError:
            return

threading.Thread(target=spam, daemon=True).start()

