"""Offline stand-ins for aiohttp, requests and aiofiles.

Every request is served by the judge (judge/services.py): the judge decides
each answer and its virtual latency from the exercise's ``io`` settings and
keeps its own record of which requests were made, when, and how many were in
flight; these modules only wait for the answer on the virtual clock.
"""

from __future__ import annotations

import asyncio
import builtins
import os
import sys

from ..clock import scheduler
from ..timefuncs import blocking_wait
from ..trace import recorder

# io.fileLatency of the exercise (seconds per file operation), from the judge's hello.
settings = {"fileLatency": 0.0}


def current_task_id():
    loop = asyncio.events._get_running_loop()
    task = asyncio.current_task(loop) if loop is not None else None
    record = recorder.tasks.get(task) if task is not None else None
    return record.id if record is not None else None


# The real builtins.open: the fake aiofiles and the exercise's scenarios open files with it.
REAL_OPEN = builtins.open


def blocking_open(file, *args, **kwargs):
    """builtins.open while the exercise's files are slow (io.fileLatency): a
    plain open() takes the same time as aiofiles' and, inside a coroutine,
    blocks the event loop for it, reported as the blocking call "open" (in a
    thread of an executor it only holds that thread, as a real disk would)."""
    if scheduler.virtual:
        latency = settings["fileLatency"]
        try:
            name = os.fspath(file) if not isinstance(file, int) else f"fd {file}"
        except TypeError:
            name = "?"
        recorder.blocking_call("open", latency, detail=f"open({os.path.basename(str(name))[-60:]!r})")
        blocking_wait(latency)
    return REAL_OPEN(file, *args, **kwargs)


def install(file_latency: float, modules: dict) -> None:
    """``modules``: the fake modules by the name a program imports them by.
    With slow files, the program's open() is slow too (blocking_open)."""
    settings["fileLatency"] = float(file_latency)
    sys.modules.update(modules)
    if file_latency > 0:
        builtins.open = blocking_open
