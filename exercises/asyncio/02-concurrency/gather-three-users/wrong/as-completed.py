import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    # Collects the users as their requests finish: the order of completion, not of the ids.
    results = []
    for next_done in asyncio.as_completed([get_user(1), get_user(2), get_user(3)]):
        results.append(await next_done)
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
