import asyncio


async def first_successes(jobs, n, deadline):
    # 等全部结束（或超时）再挑前 n 个 / wait for all (or the deadline), then take n
    try:
        results = await asyncio.wait_for(
            asyncio.gather(*(job() for job in jobs), return_exceptions=True), deadline)
    except asyncio.TimeoutError:
        return []
    return [result for result in results if not isinstance(result, Exception)][:n]

if __name__ == "__main__":
    def job(name, delay, fail=False):
        async def run():
            try:
                await asyncio.sleep(delay)
                if fail:
                    raise RuntimeError(name)
                return name
            finally:
                print("cleanup", name)
        return run

    jobs = [job("A", 3), job("B", 1), job("C", 2), job("D", 0.5, fail=True), job("E", 4)]
    print(asyncio.run(first_successes(jobs, 2, 10)))
