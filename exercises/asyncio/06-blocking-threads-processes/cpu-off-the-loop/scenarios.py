"""Drives the submission from inside its process (see tests.py): analyze()
gets an executor that records what it was asked to run."""

import asyncio
import concurrent.futures


class CountingPool(concurrent.futures.ThreadPoolExecutor):
    """A thread pool that remembers what it was asked to run."""

    def __init__(self):
        super().__init__(max_workers=2)
        self.submitted = []

    def submit(self, function, *args, **kwargs):
        self.submitted.append(getattr(function, "__name__", repr(function)))
        return super().submit(function, *args, **kwargs)


async def analyze_with(student, urls, limits):
    pool = CountingPool()
    try:
        result = await asyncio.create_task(student.analyze(urls, limits, pool))
    finally:
        pool.shutdown(wait=False)
    return result, pool.submitted
