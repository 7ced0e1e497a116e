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
    # Threads share the module's globals: both increments are seen here.
    # Each worker process bumps its own copy (which worker runs which job is
    # up to the operating system, so only the thread results are printed).
    print(results[0], results[2], counter, time.monotonic() - start)


asyncio.run(main())
