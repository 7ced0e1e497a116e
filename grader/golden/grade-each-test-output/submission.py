import asyncio
import sys

print("module loaded")


async def get_user(user_id):
    print(f"fetching {user_id}")
    await asyncio.sleep(0.5)
    if user_id == 7:
        print("seven is slow to answer", file=sys.stderr)
    return f"user_{user_id}"


async def main():
    users = await asyncio.gather(get_user(1), get_user(2), get_user(3))
    print(users)
    return users
