import asyncio


async def first_successes(jobs, n, deadline):
    successes = []
    try:
        async with asyncio.timeout(deadline):
            for job in jobs:  # 一个接一个 / one after another
                try:
                    successes.append(await job())
                except Exception:
                    continue
                if len(successes) == n:
                    break
    except TimeoutError:
        pass
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
