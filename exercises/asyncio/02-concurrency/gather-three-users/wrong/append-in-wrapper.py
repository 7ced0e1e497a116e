import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    results = []

    async def fetch(user_id):
        # Appends each user as its request finishes: the list is in the order of completion.
        results.append(await get_user(user_id))

    await asyncio.gather(fetch(1), fetch(2), fetch(3))
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
