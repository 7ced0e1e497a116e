"""An honest wrong solution of gather-three-users: concurrent, but main() returns the wrong value."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    await asyncio.gather(get_user(1), get_user(2), get_user(3))
    print(["user_1", "user_2", "user_3"])
    return ["wrong"]
