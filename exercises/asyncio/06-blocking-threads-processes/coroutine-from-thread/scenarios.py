"""Drives the submission from inside its process (see tests.py): runs
legacy_worker in a thread with a save of our own that records whether it
runs on the main thread's loop (and can take a different time per item),
and calls run_in_fresh_thread from plain synchronous code, noting which of
the threads it started were still running when it returned."""

import asyncio
import threading


async def on_main_loop(student, items, latencies=None):
    """legacy_worker(main_loop, probe_save, items, []) in a thread, as main does.

    Returns (its results, [ran on the main loop? per call], the items in the
    order their saves finished). ``latencies`` maps an item to its save's
    duration (0.5 s when absent)."""
    main_loop = asyncio.get_running_loop()
    seen = []
    finished = []
    latencies = latencies or {}

    async def probe_save(item, store):
        seen.append(asyncio.get_running_loop() is main_loop)
        await asyncio.sleep(latencies.get(item, 0.5))
        store.append(item)
        finished.append(item)
        return len(item)

    results = await asyncio.to_thread(student.legacy_worker, main_loop, probe_save, items, [])
    return results, seen, finished


def fresh_thread(student, items):
    """run_in_fresh_thread(items) from synchronous code: (its result, the names
    of the threads it started that were still alive when it returned)."""
    before = set(threading.enumerate())
    result = student.run_in_fresh_thread(items)
    alive = sorted(thread.name for thread in threading.enumerate() if thread not in before and thread.is_alive())
    return result, alive
