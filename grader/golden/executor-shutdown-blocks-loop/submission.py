# In a coroutine, shutdown(wait=True) with a job still running blocks the
# event loop until the job ends: the heartbeat stops meanwhile.
import asyncio
import concurrent.futures
import time


async def heartbeat(ticks):
    while True:
        await asyncio.sleep(0.5)
        ticks.append(asyncio.get_running_loop().time())


async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    beat = asyncio.create_task(heartbeat(ticks))
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    first = loop.run_in_executor(pool, time.sleep, 1)
    loop.run_in_executor(pool, time.sleep, 2)
    await first
    pool.shutdown(wait=True)
    await asyncio.sleep(0)
    beat.cancel()
    print("ticks:", ticks)


asyncio.run(main())
