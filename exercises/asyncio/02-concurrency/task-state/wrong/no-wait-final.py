import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task result if it has finished, else "pending". Never raises InvalidStateError."""
    if task.done():
        return task.result()
    return "pending"


async def dashboard():
    tasks = [asyncio.create_task(work(seconds, value), name=name) for name, (seconds, value) in JOBS.items()]
    await asyncio.sleep(0.75)
    snapshot = {task.get_name(): peek(task) for task in tasks}
    # 以为 final 再 peek 一次就行，忘了先等任务完成 / peeks again for final without waiting for the tasks
    final = {task.get_name(): peek(task) for task in tasks}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
