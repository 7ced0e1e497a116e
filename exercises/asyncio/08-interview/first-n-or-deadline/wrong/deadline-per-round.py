import asyncio


async def first_successes(jobs, n, deadline):
    tasks = [asyncio.create_task(job()) for job in jobs]
    pending = set(tasks)
    successes = []
    try:
        while pending and len(successes) < n:
            # 每轮都重新给满 deadline 秒 / a whole deadline again every round
            done, pending = await asyncio.wait(pending, timeout=deadline, return_when=asyncio.FIRST_COMPLETED)
            if not done:
                break
            for task in sorted(done, key=tasks.index):
                if task.exception() is None:
                    successes.append(task.result())
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return successes[:n]
