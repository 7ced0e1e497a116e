import asyncio

async def get_user(user_id):
    await asyncio.sleep(0.5)
    return {"user": user_id}["name"]

async def main():
    return await asyncio.gather(get_user(1), get_user(2), get_user(3))
