import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    # Returns the list but never prints it.
    return await asyncio.gather(get_user(1), get_user(2), get_user(3))


if __name__ == "__main__":
    asyncio.run(main())
