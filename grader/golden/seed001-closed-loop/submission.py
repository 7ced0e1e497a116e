import asyncio

async def task():
   await asyncio.sleep(1)

def wrong_loop():
   loop = asyncio.get_event_loop()
   loop.run_until_complete(task())
   loop.close()
   loop.run_until_complete(task())

wrong_loop()
