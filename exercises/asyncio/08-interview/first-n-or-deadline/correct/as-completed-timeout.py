import asyncio


async def first_successes(jobs, n, deadline):
    tasks = [asyncio.create_task(job()) for job in jobs]
    results = []
    try:
        async with asyncio.timeout(deadline):
            for next_done in asyncio.as_completed(tasks):
                try:
                    results.append(await next_done)
                except Exception:
                    continue  # 失败的忽略 / failures are ignored
                if len(results) == n:
                    break
    except TimeoutError:
        pass  # 截止时间到了：返回已有的 / the deadline passed: return what there is
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results


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
