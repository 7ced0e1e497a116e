import asyncio
import concurrent.futures

import aiohttp


def count_primes(limit):
    # zh: CPU 密集：数 2..limit-1 中的质数
    # en: CPU-bound: count the primes below limit
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


async def analyze(urls, limits, executor):
    # zh: TODO: 一个 ClientSession 并发请求 urls，收集状态码
    # en: TODO: one ClientSession, request all urls concurrently, collect the status codes
    # zh: TODO: 在 executor 里运行 count_primes(n)（loop.run_in_executor）
    # en: TODO: run count_primes(n) in executor (loop.run_in_executor)
    # zh: TODO: 两部分同时进行，返回 (statuses, counts)
    # en: TODO: both parts at the same time; return (statuses, counts)
    ...


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    # zh: 生产环境中用 concurrent.futures.ProcessPoolExecutor()
    # en: in production: concurrent.futures.ProcessPoolExecutor()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(asyncio.run(analyze(urls, [50_000, 80_000], pool)))
