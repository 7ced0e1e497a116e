import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    # Each await waits for the previous request to finish: 1.5 s in total.
    results = [await get_user(1), await get_user(2), await get_user(3)]
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
