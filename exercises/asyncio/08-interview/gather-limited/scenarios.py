"""Drives gather_limited() from inside the submission's process (see
tests.py): makes one coroutine per plain spec ``[name, delay, error]`` (it
sleeps ``delay`` seconds, then returns its name or raises ValueError(name))
and returns what gather_limited(limit, *coroutines) gave back."""

import asyncio


async def _work(name, delay, error=False):
    await asyncio.sleep(delay)
    if error:
        raise ValueError(name)
    return name


# The learner sees this name in the trace and in "never awaited" reports.
_work.__name__ = _work.__qualname__ = "work"


async def gather_work(student, limit, specs):
    return await student.gather_limited(limit, *(_work(name, delay, error) for name, delay, error in specs))
