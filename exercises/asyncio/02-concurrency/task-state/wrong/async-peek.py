import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


async def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    # 以为 asyncio 里的函数都要写成 async def / believes every function in asyncio code must be async def
    if task.done():
        return task.result()
    return "pending"


async def dashboard():
    tasks = [asyncio.create_task(work(seconds, value), name=name) for name, (seconds, value) in JOBS.items()]
    await asyncio.sleep(0.75)
    snapshot = {task.get_name(): await peek(task) for task in tasks}
    await asyncio.gather(*tasks)
    final = {task.get_name(): task.result() for task in tasks}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
