import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

counter = 0


def bump(seconds):
    global counter
    time.sleep(seconds)
    counter += 1
    return counter


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    with ProcessPoolExecutor(2) as pool:
        results = await asyncio.gather(
            asyncio.to_thread(bump, 1),
            loop.run_in_executor(pool, bump, 1),
            asyncio.to_thread(bump, 2),
            loop.run_in_executor(pool, bump, 2),
        )
    # Threads share the module's globals; each process has its own copy.
    print(results, counter, time.monotonic() - start)


asyncio.run(main())
