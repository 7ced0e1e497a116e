import asyncio

JOBS = {"fast": (0.5, "A"), "medium": (1.0, "B"), "slow": (1.5, "C")}  # name: (seconds, value)


async def work(seconds, value):
    await asyncio.sleep(seconds)
    return value


def peek(task):
    """The task's result if it has finished, else "pending". Never raises InvalidStateError."""
    # TODO
    ...


async def dashboard():
    # zh: TODO: 为 JOBS 里的每一项创建一个任务，任务名就是 JOBS 的键（"fast"、"medium"、"slow"）
    # zh: TODO: 0.75 秒后用 get_name() 和 peek() 做一次快照
    # zh: TODO: 等所有任务完成，返回 {"snapshot": ..., "final": ...}
    # en: TODO: create one task per JOBS entry, named after its key ("fast", "medium", "slow")
    # en: TODO: after 0.75 s take a snapshot with get_name() and peek()
    # en: TODO: wait for every task and return {"snapshot": ..., "final": ...}
    ...


if __name__ == "__main__":
    print(asyncio.run(dashboard()))
