import asyncio


async def fetch(user_id):
    await asyncio.sleep(0.2)
    record = {"id": user_id}
    return record["name"]


async def main():
    print("fetching")
    users = await asyncio.gather(fetch(1), fetch(2))
    print(users)


asyncio.run(main())
