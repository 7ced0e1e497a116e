import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    # 先试着取结果，还没完成时 result() 抛 InvalidStateError，就当作 pending
    # ask for the result; an unfinished task raises InvalidStateError, which means pending
    try:
        return task.result()
    except asyncio.InvalidStateError:
        return "pending"


async def dashboard():
    # TaskGroup 里创建的任务立刻开始运行；离开 async with 时它们都已完成
    # the TaskGroup's tasks start at once; when the async with block is left they have all finished
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(work(seconds, value), name=name) for name, (seconds, value) in JOBS.items()]
        await asyncio.sleep(0.75)
        snapshot = {task.get_name(): peek(task) for task in tasks}
    final = {task.get_name(): task.result() for task in tasks}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
