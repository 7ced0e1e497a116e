import asyncio
import concurrent.futures

import aiohttp


def count_primes(limit):
    """CPU 密集：数 2..limit-1 中的质数 / CPU-bound: count the primes below limit."""
    count = 0
    for number in range(2, limit):
        divisor = 2
        while divisor * divisor <= number:
            if number % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count


async def fetch_status(session, url):
    async with session.get(url) as response:
        return response.status


async def analyze(urls, limits, executor):
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        io_part = asyncio.gather(*(fetch_status(session, url) for url in urls))  # 并发：等待重叠
        async def compute_all():
            return [await loop.run_in_executor(executor, count_primes, limit) for limit in limits]  # 一次一个 / one at a time

        statuses, counts = await asyncio.gather(io_part, compute_all())
    return statuses, counts


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    # 生产环境 / in production: concurrent.futures.ProcessPoolExecutor()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(asyncio.run(analyze(urls, [50_000, 80_000], pool)))
