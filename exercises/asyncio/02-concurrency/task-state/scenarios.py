"""Drives the submission from inside its process (see tests.py): peek() gets
tasks of our own, dashboard() runs as a task whose live sub-tasks are
inspected 0.25 s in, and dashboard() runs with the module's peek() wrapped so
that each call's virtual time is recorded. Everything returned is plain data."""

import asyncio


async def peek_task(student):
    # A task that has not finished yet, the same task once it has (result "done"),
    # and a finished task whose result is falsy (0): peek must return it as it is.
    task = asyncio.create_task(asyncio.sleep(0.5, "done"))
    before = student.peek(task)
    await task
    zero = asyncio.create_task(asyncio.sleep(0.25, 0))
    await zero
    return [before, student.peek(task), student.peek(zero)]


async def live_task_names(student):
    # The names are read from the live tasks (task.get_name()), 0.25 s in.
    main = asyncio.create_task(student.dashboard())
    await asyncio.sleep(0.25)
    seen = {task.get_name() for task in asyncio.all_tasks()} - {main.get_name(), asyncio.current_task().get_name()}
    await main
    return seen


async def dashboard_with_peek_times(student):
    """dashboard()'s result, and the virtual times at which it called the
    module's peek() (empty if it never called it through the module)."""
    loop = asyncio.get_running_loop()
    original = student.peek
    times = []

    def peek(task):
        times.append(round(loop.time(), 6))
        return original(task)

    student.peek = peek
    try:
        result = await student.dashboard()
    finally:
        student.peek = original
    return {"result": result, "peek_times": times}
