import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    if task.done():
        return task.result()
    return "pending"


async def dashboard():
    # 创建任务后它们就开始并发运行；name= 给每个任务起名，便于查看和调试
    # once created the tasks run concurrently; name= gives each one a name, for status pages and debugging
    tasks = []
    for name, (seconds, value) in JOBS.items():
        task = asyncio.create_task(work(seconds, value), name=name)
        await task  # 创建后立刻等待 / awaited right after it is created
        tasks.append(task)
    await asyncio.sleep(0.75)
    snapshot = {task.get_name(): peek(task) for task in tasks}
    await asyncio.gather(*tasks)
    final = {task.get_name(): task.result() for task in tasks}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
