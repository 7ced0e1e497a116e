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
    # 先等所有任务完成再"等 0.75 秒"做快照：快照时已经全部完成
    # waits for every task before "waiting 0.75 s" for the snapshot: by then all have finished
    await asyncio.gather(*tasks)
    await asyncio.sleep(0.75)
    snapshot = {task.get_name(): peek(task) for task in tasks}
    final = {task.get_name(): task.result() for task in tasks}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
