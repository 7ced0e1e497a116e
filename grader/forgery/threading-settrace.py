"""cpu-off-the-loop with the CPU work in coroutines, hidden by a tracer that
threading installs in every new thread (threading.settrace): in the first
executor job it finds the runtime's calibration through the frames it sees
and makes its CPU unit a whole second."""
import sys
import threading


def _tracer(frame, event, arg):
    while frame is not None:
        for value in list(frame.f_globals.values()):
            for candidate in (value, getattr(value, "calibration", None)):
                if hasattr(candidate, "unit_seconds"):
                    candidate.unit_seconds = 1.0
        frame = frame.f_back
    return _tracer


threading.settrace(_tracer)

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
    await loop.run_in_executor(None, count_primes, 10)  # a thread starts: the tracer runs in it
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
