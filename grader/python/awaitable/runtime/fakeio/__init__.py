"""Offline stand-ins for aiohttp, requests and aiofiles.

Every request is served by the judge (judge/services.py): the judge decides
each answer and its virtual latency from the exercise's ``io`` settings and
keeps its own record of which requests were made, when, and how many were in
flight; these modules only wait for the answer on the virtual clock.
"""

from __future__ import annotations

import asyncio
import sys

from ..trace import recorder

# io.fileLatency of the exercise (seconds per file operation), from the judge's hello.
settings = {"fileLatency": 0.0}


def current_task_id():
    loop = asyncio.events._get_running_loop()
    task = asyncio.current_task(loop) if loop is not None else None
    record = recorder.tasks.get(task) if task is not None else None
    return record.id if record is not None else None


def install(file_latency: float, modules: dict) -> None:
    """``modules``: the fake modules by the name a program imports them by."""
    settings["fileLatency"] = float(file_latency)
    sys.modules.update(modules)
