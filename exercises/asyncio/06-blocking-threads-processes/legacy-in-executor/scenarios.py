"""Drives the submission from inside its process (see tests.py): runs
build_reports() next to a heartbeat task that records when it ticks, or with
render_report replaced by one whose reports take different times."""

import asyncio
import threading
import time


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


async def uneven(student, names, latencies):
    """build_reports(names) with the legacy render_report replaced by one that
    blocks latencies[name] seconds (the prompt's is 2 s for every name: equal
    latencies make fixed batches and completion order look right). Returns
    (its result, the calls: [name, thread name, start, end] in the order they
    ended)."""
    original = getattr(student, "render_report", None)
    calls = []

    def render_report(name):
        start = time.monotonic()
        time.sleep(latencies.get(name, 2) if isinstance(latencies, dict) else 2)
        calls.append([name, threading.current_thread().name, start, time.monotonic()])
        return f"report:{name}"

    student.render_report = render_report
    try:
        result = await asyncio.create_task(student.build_reports(names))
    finally:
        student.render_report = original
    return result, calls
