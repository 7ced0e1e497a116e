import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    return task.result() if task.done() else "pending"


async def dashboard():
    tasks = {}
    for name, (seconds, value) in JOBS.items():
        tasks[name] = asyncio.create_task(work(seconds, value), name=name)
    # asyncio.wait 的 timeout：最多等 0.75 秒，不取消任何任务
    # asyncio.wait with a timeout: waits at most 0.75 s and cancels nothing
    await asyncio.wait(tasks.values(), timeout=0.75)
    snapshot = {task.get_name(): peek(task) for task in tasks.values()}
    await asyncio.wait(tasks.values())  # ALL_COMPLETED
    final = {task.get_name(): peek(task) for task in tasks.values()}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
