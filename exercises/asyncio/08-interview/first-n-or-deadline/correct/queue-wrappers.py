import asyncio

FAILED = object()


async def report(job, queue):
    """运行一个 job，把结果（或 FAILED）放进队列 / runs one job and puts its result (or FAILED) on the queue."""
    try:
        value = await job()
    except Exception:
        value = FAILED
    queue.put_nowait(value)


async def first_successes(jobs, n, deadline):
    queue = asyncio.Queue()
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline
    workers = [asyncio.create_task(report(job, queue)) for job in jobs]
    successes = []
    try:
        for _ in range(len(workers)):
            try:
                value = await asyncio.wait_for(queue.get(), max(0, end - loop.time()))
            except asyncio.TimeoutError:
                break
            if value is not FAILED:
                successes.append(value)
                if len(successes) == n:
                    break
    finally:
        for worker in workers:
            worker.cancel()
        await asyncio.wait(workers)
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
