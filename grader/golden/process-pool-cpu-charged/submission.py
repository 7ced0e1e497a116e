import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def crunch_async(n):
    # CPU-bound, no await: gather runs these one after the other on the loop.
    return crunch(n)


async def main():
    sizes = [16_000_000] * 4
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    with ProcessPoolExecutor(4) as pool:
        in_processes = await asyncio.gather(*(loop.run_in_executor(pool, crunch, n) for n in sizes))
    pool_seconds = time.monotonic() - start
    start = time.monotonic()
    on_loop = await asyncio.gather(*(crunch_async(n) for n in sizes))
    loop_seconds = time.monotonic() - start
    print(in_processes == on_loop)
    print(f"process pool faster: {pool_seconds < loop_seconds / 2}")


asyncio.run(main())
