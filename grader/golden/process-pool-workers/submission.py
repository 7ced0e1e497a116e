import asyncio
from concurrent.futures import ProcessPoolExecutor

def work(n):
    return sum(range(n))

async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in (1000, 2000, 3000, 4000)))
    print(results)

if __name__ == "__main__":
    asyncio.run(main())
