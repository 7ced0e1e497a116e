import asyncio


async def get_user(user_id):
    asyncio.sleep(0.5)  # without await this only creates a coroutine object: no wait happens
    return f"user_{user_id}"


async def main():
    results = await asyncio.gather(get_user(1), get_user(2), get_user(3))
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
