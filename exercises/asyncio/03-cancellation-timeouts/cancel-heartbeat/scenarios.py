"""Drives the submission from inside its process (see tests.py): heartbeat()
runs as a task of our own that is cancelled, and run_for()'s log is read both
when it returns and a little later. Everything returned is plain data."""

import asyncio


async def cancel_heartbeat(student, after):
    log = []
    task = asyncio.create_task(student.heartbeat(log))
    await asyncio.sleep(after)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    return list(log), task.cancelled()


async def run_for_log(student, seconds):
    log = await student.run_for(seconds)
    at_return = list(log) if isinstance(log, list) else log  # what the caller sees at that moment
    await asyncio.sleep(0.1)
    return at_return, (list(log) if isinstance(log, list) else log)
