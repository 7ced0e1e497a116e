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
    # 任务没有命名，用字典自己记名字
    tasks = {name: asyncio.create_task(work(seconds, value)) for name, (seconds, value) in JOBS.items()}
    await asyncio.sleep(0.75)
    snapshot = {name: peek(task) for name, task in tasks.items()}
    await asyncio.gather(*tasks.values())
    final = {name: task.result() for name, task in tasks.items()}
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
