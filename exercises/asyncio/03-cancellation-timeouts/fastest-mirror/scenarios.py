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


async def race_with_our_download(student, latencies, mirrors, cleanup=0.0):
    """fastest(mirrors) with the module's download() replaced by ours, whose
    latencies are `latencies` (other than the module's LATENCY table) and whose
    cancellation takes `cleanup` s before the download records it. Returns
    what fastest returned and when, which downloads had been cancelled and
    which were still running when it returned, and what finished in the end."""
    loop = asyncio.get_running_loop()
    started, finished, cancelled, running = [], [], [], set()

    async def download(mirror):
        started.append(mirror)
        running.add(mirror)
        try:
            try:
                await asyncio.sleep(latencies.get(mirror, 1.0))
            except asyncio.CancelledError:
                if cleanup:
                    await asyncio.sleep(cleanup)  # closing the connection
                cancelled.append(mirror)
                raise
            finished.append(mirror)
            return f"package from {mirror}"
        finally:
            running.discard(mirror)

    original = student.download
    student.download = download
    try:
        result = await student.fastest(mirrors)
    finally:
        student.download = original
    returned_at = loop.time()
    at_return = {"cancelled": sorted(cancelled), "running": sorted(running), "finished": list(finished)}
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    await asyncio.gather(*others, return_exceptions=True)
    return {
        "result": list(result) if isinstance(result, (list, tuple)) else result,
        "returned_at": returned_at,
        "at_return": at_return,
        "started": started,
        "finished": list(finished),
        "cancelled": sorted(cancelled),
    }
