import asyncio

async def get_user(user_id):
    await asyncio.sleep(0.2)
    return f"user_{user_id}"

async def main():
    print(await asyncio.gather(get_user(1), get_user(2), get_user(3)))

asyncio.run(main())
