"""Drives the submission from inside its process (see tests.py): runs main()
and lists the tasks it left pending, and runs worker() on a queue of our own,
filled at once or by a slow producer. Everything returned is plain data."""

import asyncio


async def main_then_look(student, items):
    """Await main(items), then list the tasks still pending (by coroutine name)."""
    result = await student.main(items)
    me = asyncio.current_task()
    left = [task for task in asyncio.all_tasks() if task is not me and not task.done()]
    pending = sorted(task.get_coro().__qualname__ for task in left)
    cancelled = sorted(task.get_coro().__qualname__ for task in left if task.cancelling())
    return result, pending, cancelled


async def drive_worker(student, items):
    """Put ``items`` in a queue, run worker on it and wait (5 s at most) for queue.join()."""
    queue = asyncio.Queue()
    out = []
    for item in items:
        queue.put_nowait(item)
    task = asyncio.create_task(student.worker(queue, out))
    try:
        await asyncio.wait_for(queue.join(), 5)
    except asyncio.TimeoutError:
        return list(out), "join-timeout"
    finally:
        task.cancel()
    return list(out), "ok"


async def slow_producer(student, items, gap, patience=5.0):
    """Start worker on an empty queue, then put ``items`` one every ``gap``
    seconds (the first at once), so the queue is empty between them; wait
    (``patience`` s after the last put at most) for queue.join(). Returns what
    the worker produced, "ok" or "join-timeout", when join returned, and when
    the worker ended by itself (with its exception's type), if it did."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    queue = asyncio.Queue()
    out = []
    task = asyncio.create_task(student.worker(queue, out))
    ended = {}

    def on_end(finished):
        ended["at"] = loop.time() - start
        error = None if finished.cancelled() else finished.exception()
        ended["error"] = type(error).__name__ if error is not None else None
        ended["out"] = list(out)

    task.add_done_callback(on_end)
    await asyncio.sleep(0)  # the worker starts while the queue is still empty
    for index, item in enumerate(items):
        if index:
            await asyncio.sleep(gap)
        queue.put_nowait(item)
    status = "ok"
    try:
        await asyncio.wait_for(queue.join(), patience)
    except asyncio.TimeoutError:
        status = "join-timeout"
    joined = loop.time() - start
    produced = list(out)
    by_itself = dict(ended) if ended else None
    task.cancel()
    await asyncio.wait({task}, timeout=1)
    return {"out": produced, "status": status, "joined": joined, "ended": by_itself}

