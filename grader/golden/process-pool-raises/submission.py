import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def fetch(n):
    time.sleep(0.5)
    if n == 2:
        raise ValueError(f"record {n} is corrupt")
    return n


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, fetch, n) for n in range(4)),
                                       return_exceptions=True)
        print(results, loop.time())
        error = results[2]
        print(type(error).__name__, type(error.__cause__).__name__)
        await loop.run_in_executor(pool, fetch, 2)


asyncio.run(main())
