"""Puts a module of its own in place of asyncio in sys.modules."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import sys
import types

fake = types.ModuleType('asyncio')
fake.__dict__.update(vars(asyncio))
sys.modules['asyncio'] = fake

