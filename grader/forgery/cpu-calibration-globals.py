"""cpu-off-the-loop with the CPU work in coroutines, hidden by making the
runtime's CPU unit a whole second (its calibration module is found through a
patched method's globals): no step would ever count as blocking."""
import asyncio.events

asyncio.events.Handle._run.__globals__["calibration"].unit_seconds = 1.0

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
        async def crunch(limit):  # async def 里的计算：仍在事件循环线程上 / still on the loop's thread
            return count_primes(limit)

        cpu_part = asyncio.gather(*(crunch(limit) for limit in limits))
        statuses, counts = await asyncio.gather(io_part, cpu_part)
    return statuses, counts


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    # 生产环境 / in production: concurrent.futures.ProcessPoolExecutor()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(asyncio.run(analyze(urls, [50_000, 80_000], pool)))
