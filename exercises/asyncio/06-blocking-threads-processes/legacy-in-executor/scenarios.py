"""Drives the submission from inside its process (see tests.py): runs
build_reports() next to a heartbeat task that records when it ticks."""

import asyncio


async def with_heartbeat(student, names):
    """build_reports(names) while a heartbeat ticks every 0.5 s; returns (its result, the tick times)."""
    ticks = []

    async def heartbeat():
        while True:
            await asyncio.sleep(0.5)
            ticks.append(asyncio.get_running_loop().time())

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    result = await asyncio.create_task(student.build_reports(names))
    beat.cancel()
    return result, ticks
