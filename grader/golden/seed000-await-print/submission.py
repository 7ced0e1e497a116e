import asyncio

async def wrong():
    await print("hello")  # TypeError: object is not awaitable

asyncio.run(wrong())
