"""Drives the submission from inside its process (see tests.py): runs
legacy_worker in a thread with a save of our own that records whether it
runs on the main thread's loop."""

import asyncio


async def on_main_loop(student, items):
    """legacy_worker(main_loop, probe_save, items, []) in a thread; returns (its results, [on the main loop?...])."""
    main_loop = asyncio.get_running_loop()
    seen = []

    async def probe_save(item, store):
        seen.append(asyncio.get_running_loop() is main_loop)
        await asyncio.sleep(0.5)
        store.append(item)
        return len(item)

    results = await asyncio.to_thread(student.legacy_worker, main_loop, probe_save, items, [])
    return results, seen
