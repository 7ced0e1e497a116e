import asyncio
import time

async def get_user(user_id):
    time.sleep(0.5)
    return f"user_{user_id}"

async def main():
    results = await asyncio.gather(get_user(1), get_user(2), get_user(3))
    print(results)
    return results
