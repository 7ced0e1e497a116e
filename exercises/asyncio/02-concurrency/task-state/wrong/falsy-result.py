import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    # 用结果的真假代替 done()：结果为 0、""、None 的任务被当作 pending
    # the truth of the result stands in for done(): a task whose result is 0, "" or None looks pending
    return task.done() and task.result() or "pending"


async def dashboard():
    tasks = [asyncio.create_task(work(seconds, value), name=name) for name, (seconds, value) in JOBS.items()]
    await asyncio.sleep(0.75)
    snapshot = {task.get_name(): peek(task) for task in tasks}
    await asyncio.gather(*tasks)
    final = {task.get_name(): task.result() for task in tasks}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
