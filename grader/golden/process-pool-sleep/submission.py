import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def work(n):
    print("start", n)
    time.sleep(1)
    print("end", n)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in range(4)))
    print(results, f"{time.monotonic() - start:.2f}")
    with ProcessPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(work, [4, 5, 6])), f"{time.monotonic() - start:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
