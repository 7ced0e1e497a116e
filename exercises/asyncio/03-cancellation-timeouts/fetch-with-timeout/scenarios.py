"""Drives the submission from inside its process (see tests.py): runs
fetch_with_timeout() with the module's CANCELLED record cleared, notes what had
been cancelled when it returned, then waits for anything still running in the
background. Everything returned is plain data."""

import asyncio


async def timeout_then_background(student, url, timeout):
    cancelled = getattr(student, "CANCELLED", None)
    if isinstance(cancelled, list):
        cancelled.clear()
    result = await student.fetch_with_timeout(url, timeout)
    returned_at = asyncio.get_running_loop().time()
    seen = list(cancelled) if isinstance(cancelled, list) else []
    # Anything still running in the background is waited for here.
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    await asyncio.gather(*others, return_exceptions=True)
    return result, seen, returned_at
