"""Drives the submission from inside its process (see tests.py): runs
fastest() with the module's FINISHED and CANCELLED records cleared, notes what
had been cancelled when it returned, then waits for anything still running in
the background. Everything returned is plain data."""

import asyncio


async def fastest_then_background(student, mirrors):
    finished = getattr(student, "FINISHED", None)
    cancelled = getattr(student, "CANCELLED", None)
    for record in (finished, cancelled):
        if isinstance(record, list):
            record.clear()
    await student.fastest(mirrors)
    returned_at = asyncio.get_running_loop().time()
    at_return = sorted(cancelled) if isinstance(cancelled, list) else []
    # Anything still running in the background is waited for here.
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    await asyncio.gather(*others, return_exceptions=True)
    return (at_return, sorted(cancelled) if isinstance(cancelled, list) else [], list(finished or []),
            returned_at)
