"""Drives the submission from inside its process (see tests.py): analyze()
gets an executor of its own, and each call of count_primes says where it ran."""

import asyncio
import concurrent.futures
import threading


class CountingPool(concurrent.futures.ThreadPoolExecutor):
    """A thread pool that remembers what it was asked to run."""

    def __init__(self):
        super().__init__(max_workers=2)
        self.submitted = []

    def submit(self, function, *args, **kwargs):
        self.submitted.append(getattr(function, "__name__", repr(function)))
        return super().submit(function, *args, **kwargs)


async def analyze_with(student, urls, limits):
    """analyze() with an executor of its own; returns (its result, where each
    call of count_primes ran): "count_primes" in a thread of that executor,
    "count_primes (not in the executor passed in)" anywhere else. Counted by
    calling, not by what was submitted: functools.partial(count_primes, n),
    a lambda or a wrapper function are all the same work in the executor."""
    pool = CountingPool()
    original = getattr(student, "count_primes", None)
    calls = []

    def counted(*args, **kwargs):
        inside = threading.current_thread() in pool._threads
        calls.append("count_primes" if inside else "count_primes (not in the executor passed in)")
        return original(*args, **kwargs)

    if callable(original):
        student.count_primes = counted
    try:
        result = await asyncio.create_task(student.analyze(urls, limits, pool))
    finally:
        if callable(original):
            student.count_primes = original
        pool.shutdown(wait=False)
    return result, calls
