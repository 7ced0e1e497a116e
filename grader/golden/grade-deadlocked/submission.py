import asyncio

async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"

async def main():
    ready = asyncio.Event()
    results = await asyncio.gather(get_user(1), get_user(2), get_user(3))
    await ready.wait()  # nobody ever sets it
    return results
