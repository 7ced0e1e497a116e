import asyncio


async def first_successes(jobs, n, deadline):
    tasks = [asyncio.create_task(job()) for job in jobs]
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline
    pending = set(tasks)
    successes = []
    try:
        while pending and len(successes) < n:
            remaining = end - loop.time()
            if remaining <= 0:
                break  # 截止时间到了 / the deadline has passed
            done, pending = await asyncio.wait(pending, timeout=remaining,
                                               return_when=asyncio.FIRST_COMPLETED)
            for task in sorted(done, key=tasks.index):
                if not task.cancelled() and task.exception() is None:
                    successes.append(task.result())  # 失败的忽略 / failures are ignored
    finally:
        # 取消剩下的，并等它们的 finally 跑完 / cancel the rest and wait for their cleanup
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
