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


async def analyze(urls, limits, executor):
    loop = asyncio.get_running_loop()
    # 计算先全部交给 executor：Future 已经在跑了 / every computation goes to the executor first: the futures are running
    computations = [loop.run_in_executor(executor, count_primes, limit) for limit in limits]

    async def status(session, url):
        response = await session.get(url)
        return response.status

    async with aiohttp.ClientSession() as session, asyncio.TaskGroup() as group:
        requests = [group.create_task(status(session, url)) for url in urls]
        # 按顺序等计算结果，请求任务同时在进行 / await the counts in order while the requests run
        counts = [await computation for computation in computations]
    return [task.result() for task in requests], counts


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    # 生产环境 / in production: concurrent.futures.ProcessPoolExecutor()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(asyncio.run(analyze(urls, [50_000, 80_000], pool)))
