"""Drives the submission from inside its process (see tests.py): runs
fetch_with_timeout() with the module's CANCELLED record cleared, notes what had
been cancelled when it returned, then waits for anything still running in the
background; runs fetch_all() on more URLs, whose latencies it adds to the
module's LATENCY table (which the given fetch() reads). Everything returned is
plain data."""

import asyncio


def _clear_cancelled(student):
    cancelled = getattr(student, "CANCELLED", None)
    if isinstance(cancelled, list):
        cancelled.clear()
    return cancelled if isinstance(cancelled, list) else []


async def _background_done():
    """Wait for anything still running in the background."""
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    await asyncio.gather(*others, return_exceptions=True)


async def timeout_then_background(student, url, timeout):
    cancelled = _clear_cancelled(student)
    result = await student.fetch_with_timeout(url, timeout)
    returned_at = asyncio.get_running_loop().time()
    seen = list(cancelled)
    await _background_done()
    return result, seen, returned_at, list(cancelled), asyncio.get_running_loop().time()


async def fetch_all_uneven(student, latencies, urls, timeout):
    """fetch_all(urls, timeout) with `latencies` added to the module's LATENCY
    table: the results, when it returned, and what had been cancelled then."""
    table = getattr(student, "LATENCY", None)
    if isinstance(table, dict):
        table.update(latencies)
    cancelled = _clear_cancelled(student)
    results = await student.fetch_all(urls, timeout)
    returned_at = asyncio.get_running_loop().time()
    seen = sorted(cancelled)
    await _background_done()
    return {
        "results": list(results) if isinstance(results, (list, tuple)) else results,
        "returned_at": returned_at,
        "cancelled": seen,
        "table": isinstance(table, dict),
    }
