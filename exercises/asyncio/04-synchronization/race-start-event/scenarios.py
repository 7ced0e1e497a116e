"""Drives the submission from inside its process (see tests.py): the
student's runner() gets an Event of our own, set at a time of ours (uneven, so
that a runner that checks the Event on a timer shows). The runners' tasks are
named "runner <name>" so that tests.py can follow them in the trace.
Everything returned is plain data."""

import asyncio


async def field(student, speeds, set_after):
    """The student's runner for each of `speeds`, all waiting on one Event of ours, set at `set_after`."""
    loop = asyncio.get_running_loop()
    start = asyncio.Event()
    order = []
    tasks = {name: asyncio.create_task(student.runner(name, seconds, start, order), name=f"runner {name}")
             for name, seconds in speeds.items()}
    await asyncio.sleep(set_after)
    before = list(order)
    start.set()
    finished = {}
    pending = set(tasks.values())
    deadline = loop.time() + max(speeds.values()) + 5
    while pending and loop.time() < deadline:
        done, pending = await asyncio.wait(pending, timeout=deadline - loop.time(), return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.result()  # the runner's own error, as the student would see it
            finished[task.get_name()[len("runner "):]] = round(loop.time(), 3)
    for task in pending:
        task.cancel()
    return {"before": before, "order": order, "finished": finished,
            "waiting": sorted(name for name, task in tasks.items() if task in pending)}


async def lone_runner(student, name, seconds, set_after):
    return await field(student, {name: seconds}, set_after)
