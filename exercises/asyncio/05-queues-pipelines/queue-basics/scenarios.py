"""Drives the submission from inside its process (see tests.py): runs main()
and lists the tasks it left pending, and runs worker() on a queue of our own.
Everything returned is plain data."""

import asyncio


async def main_then_look(student, items):
    """Await main(items), then list the tasks still pending (by coroutine name)."""
    result = await student.main(items)
    me = asyncio.current_task()
    pending = sorted(task.get_coro().__qualname__ for task in asyncio.all_tasks()
                     if task is not me and not task.done())
    return result, pending


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
