"""Drives the submission from inside its process (see tests.py): analyze()
gets an executor of its own, each call of count_primes says where it ran, and
the aiohttp sessions it opens are counted."""

import asyncio
import concurrent.futures
import threading
import time
import types


class CountingPool(concurrent.futures.ThreadPoolExecutor):
    """A thread pool of 2 workers, the executor the caller passes."""

    def __init__(self):
        super().__init__(max_workers=2)


def _counting_sessions(student, sessions):
    """Make the submission's names for aiohttp (the module, or ClientSession
    imported from it) count every ClientSession made; returns how to undo it."""
    import aiohttp  # the grader's aiohttp, as the submission sees it

    class ClientSession(aiohttp.ClientSession):
        def __init__(self, *args, **kwargs):
            sessions.append(len(sessions))
            super().__init__(*args, **kwargs)

    class View(types.ModuleType):
        def __getattr__(self, name):
            return getattr(aiohttp, name)

    view = View("aiohttp")
    view.ClientSession = ClientSession
    replaced = {}
    for name, value in list(vars(student).items()):
        if value is aiohttp:
            replaced[name] = value
            setattr(student, name, view)
        elif value is aiohttp.ClientSession:
            replaced[name] = value
            setattr(student, name, ClientSession)

    def undo():
        for name, value in replaced.items():
            setattr(student, name, value)
    return undo


async def analyze_with(student, urls, limits, durations=None):
    """analyze() with an executor of its own. Returns (its result, the calls of
    count_primes, the number of aiohttp.ClientSession made). Each call is
    {limit, where: "executor" (a thread of the executor passed in) | "loop" (the
    event loop's thread) | "other", thread, start, end}: counted by calling, not
    by what was submitted (functools.partial, a lambda or a wrapper function are
    the same work). With durations ({str(limit): seconds}), a call in the
    executor also takes that long on the virtual clock, as a computation does on
    a real machine (CPU costs no virtual time here)."""
    pool = CountingPool()
    loop_thread = threading.current_thread()
    original = getattr(student, "count_primes", None)
    calls = []
    sessions = []

    def counted(*args, **kwargs):
        limit = args[0] if args else kwargs.get("limit")
        thread = threading.current_thread()
        where = "executor" if thread in pool._threads else ("loop" if thread is loop_thread else "other")
        start = time.monotonic()
        if durations and where == "executor":
            time.sleep(durations.get(str(limit), 0))
        value = original(*args, **kwargs)
        calls.append({"limit": limit, "where": where, "thread": thread.name, "start": start, "end": time.monotonic()})
        return value

    if callable(original):
        student.count_primes = counted
    undo = _counting_sessions(student, sessions)
    try:
        result = await asyncio.create_task(student.analyze(urls, limits, pool))
    finally:
        undo()
        if callable(original):
            student.count_primes = original
        pool.shutdown(wait=False)
    return result, calls, len(sessions)
