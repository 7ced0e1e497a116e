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
        async def statuses_as_they_come():
            return [await status for status in asyncio.as_completed([fetch_status(session, url) for url in urls])]  # 按到达顺序 / in arrival order

        io_part = statuses_as_they_come()
        cpu_part = asyncio.gather(*(loop.run_in_executor(executor, count_primes, limit)  # 计算离开事件循环
                                    for limit in limits))
        statuses, counts = await asyncio.gather(io_part, cpu_part)
    return statuses, counts


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    # 生产环境 / in production: concurrent.futures.ProcessPoolExecutor()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(asyncio.run(analyze(urls, [50_000, 80_000], pool)))
