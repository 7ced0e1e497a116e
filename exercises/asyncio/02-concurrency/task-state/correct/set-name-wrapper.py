import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    if not task.done():
        return "pending"
    return task.result()


async def logged(seconds, value):
    # 包装协程：记录每个任务何时结束 / a wrapper that logs when each job ends
    result = await work(seconds, value)
    print(f"{asyncio.current_task().get_name()} finished: {result}")
    return result


async def dashboard():
    tasks = []
    for name, (seconds, value) in JOBS.items():
        task = asyncio.create_task(logged(seconds, value))
        task.set_name(name)  # 创建之后再命名 / named after it was created
        tasks.append(task)
    await asyncio.sleep(0.75)
    snapshot = {task.get_name(): peek(task) for task in tasks}
    final = {}
    for task in tasks:
        final[task.get_name()] = await task
    return {"snapshot": snapshot, "final": final}


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
