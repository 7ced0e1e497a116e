import asyncio
import time
import concurrent.futures

def blocking_function(seconds):
    print(f"Executing blocking function for {seconds} seconds...")
    time.sleep(seconds)
    print(f"Blocking function finished.")
    return f"Result from blocking after {seconds} seconds"

async def main_executor():
    loop = asyncio.get_event_loop()
    print("Starting non-blocking part")
    future = loop.run_in_executor(None, blocking_function, 2)
    print("Submitted blocking function to executor, continuing other tasks")
    asyncio.create_task(asyncio.sleep(1))
    asyncio.create_task(asyncio.sleep(1.5))
    print("Waiting for blocking function to complete...")
    result = await future
    print(f"Blocking function result: {result}")
    print("Main executor finished")

asyncio.run(main_executor())
