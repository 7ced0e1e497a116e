"""Drives the submission from inside its process (see tests.py): runs
run_pipeline() and lists the tasks it left pending, as plain data."""

import asyncio


async def pipeline_then_look(student, urls, workers):
    """Await run_pipeline(urls, workers), then list the tasks still pending (by coroutine name)."""
    result = await student.run_pipeline(urls, workers)
    me = asyncio.current_task()
    pending = sorted(task.get_coro().__qualname__ for task in asyncio.all_tasks()
                     if task is not me and not task.done())
    return result, pending
