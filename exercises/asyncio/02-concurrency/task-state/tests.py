import asyncio

from awaitable.testing import Failure, test

SNAPSHOT = {"fast": "A", "medium": "pending", "slow": "pending"}
FINAL = {"fast": "A", "medium": "B", "slow": "C"}


@test("peek", zh="peek()：任务未完成时返回 'pending'（不抛 InvalidStateError），完成后返回结果",
      en="peek(): 'pending' while the task runs (no InvalidStateError), its result once done", weight=2)
def peek(t):
    t.function("peek")
    run = t.measure(t.scenario("peek_task"), allow_exception=True)
    if isinstance(run.exception, asyncio.InvalidStateError):
        raise Failure(zh="对一个还没完成的任务调用了 task.result()，抛出 InvalidStateError: Result is not set。"
                         "先用 task.done() 判断任务是否完成。",
                      en="task.result() was called on a task that had not finished, raising InvalidStateError: Result is "
                         "not set. Check task.done() first.",
                      misconception="exception")
    if run.exception is not None:
        t.measure(t.scenario("peek_task"))  # reports the exception as it is
    t.equal(run.result, ["pending", "done"])


@test("names", zh="三个任务分别命名为 fast、medium、slow", en="The three tasks are named fast, medium and slow")
def names(t):
    t.function("dashboard", coroutine=True)
    run = t.measure(t.scenario("live_task_names"))
    names = run.result
    missing = [name for name in ("fast", "medium", "slow") if name not in names]
    if missing:
        shown = ", ".join(sorted(name for name in names if name)) or "—"
        raise Failure(zh=f"没有找到名为 {', '.join(missing)} 的任务（实际的任务名：{shown}）。"
                         "用 asyncio.create_task(coro, name=\"fast\") 给任务命名，否则它们叫 Task-1、Task-2……",
                      en=f"No task named {', '.join(missing)} was found (task names: {shown}). Name a task with "
                         "asyncio.create_task(coro, name=\"fast\"); otherwise they are called Task-1, Task-2…",
                      misconception="missing-name")


@test("snapshot", zh="0.75 秒时的快照：fast 已完成（'A'），medium 和 slow 仍是 'pending'",
      en="The snapshot at 0.75 s: fast is done ('A'), medium and slow are still 'pending'", weight=2)
def snapshot(t):
    run = t.measure(t.function("dashboard", coroutine=True))
    result = run.result if isinstance(run.result, dict) else {}
    got = result.get("snapshot")
    if isinstance(got, dict) and got and all(value != "pending" for value in got.values()):
        raise Failure(zh=f"快照 {got} 里所有任务都已完成：快照之前你已经在等任务了。任务创建后就在后台运行，"
                         "先 await asyncio.sleep(0.75) 再看它们的状态。",
                      en=f"In the snapshot {got} every task had finished: you waited for the tasks before taking it. "
                         "Tasks run in the background once created; await asyncio.sleep(0.75), then look at them.",
                      misconception="sequential")
    t.equal(got, SNAPSHOT)
    t.equal(result.get("final"), FINAL)


@test("concurrent", zh="三个任务并发：共约 1.5 秒", en="The three tasks run concurrently: about 1.5 s in total",
      weight=2)
def concurrent(t):
    run = t.measure(t.function("dashboard", coroutine=True))
    t.all_awaited(run)
    t.no_blocking(run)
    t.about(run, 1.5, sequential=3.75)
