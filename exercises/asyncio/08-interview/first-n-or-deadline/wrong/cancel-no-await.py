import asyncio


async def first_successes(jobs, n, deadline):
    tasks = [asyncio.create_task(job()) for job in jobs]
    successes = []
    try:
        async with asyncio.timeout(deadline):
            for next_done in asyncio.as_completed(tasks):
                try:
                    successes.append(await next_done)
                except Exception:
                    continue
                if len(successes) == n:
                    break
    except TimeoutError:
        pass
    for task in tasks:
        task.cancel()  # 取消了，却没等它们结束 / cancelled but never awaited
    return successes

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
