import asyncio
import time

def job():
    time.sleep(2)
    return "job"

async def main():
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(None, job)
    time.sleep(1)  # blocks the loop, but the executor thread keeps going
    print(await future, time.monotonic())

asyncio.run(main())
