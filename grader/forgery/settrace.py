"""Installs a trace function to watch (and rewrite) the runtime's frames."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

import sys


def tracer(frame, event, argument):
    frame.f_globals.get('recorder')
    return tracer

sys.settrace(tracer)

