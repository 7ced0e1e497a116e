import asyncio


async def first_successes(jobs, n, deadline):
    successes = []
    enough = asyncio.Event()

    async def run(job):
        try:
            successes.append(await job())
        except Exception:
            return
        if len(successes) >= n:
            enough.set()

    tasks = [asyncio.create_task(run(job)) for job in jobs]
    try:
        await asyncio.wait_for(enough.wait(), deadline)  # 全部失败时干等到截止 / waits for the deadline if all fail
    except asyncio.TimeoutError:
        pass
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return successes[:n]

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
