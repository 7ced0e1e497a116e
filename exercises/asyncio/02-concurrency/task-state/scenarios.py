"""Drives the submission from inside its process (see tests.py): peek() gets a
task of our own, and dashboard() runs as a task whose live sub-tasks are
inspected 0.25 s in. Everything returned is plain data."""

import asyncio


async def peek_task(student):
    task = asyncio.create_task(asyncio.sleep(0.5, "done"))
    before = student.peek(task)
    await task
    return [before, student.peek(task)]


async def live_task_names(student):
    # The names are read from the live tasks (task.get_name()), 0.25 s in.
    main = asyncio.create_task(student.dashboard())
    await asyncio.sleep(0.25)
    seen = {task.get_name() for task in asyncio.all_tasks()} - {main.get_name(), asyncio.current_task().get_name()}
    await main
    return seen
