"""Freezes the clock functions of the time module."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import time

time.monotonic = lambda: 0.5
time.perf_counter = lambda: 0.5
time.time = lambda: 1_700_000_000.5

