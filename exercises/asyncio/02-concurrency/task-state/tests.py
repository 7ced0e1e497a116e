import asyncio

from awaitable.testing import Failure, test

SNAPSHOT = {"fast": "A", "medium": "pending", "slow": "pending"}
FINAL = {"fast": "A", "medium": "B", "slow": "C"}
SECONDS = {"fast": 0.5, "medium": 1.0, "slow": 1.5}
# What task.result() / task.exception() say on a task that has not finished.
NOT_SET = {"Result is not set.": "task.result()", "Exception is not set.": "task.exception()"}


def invalid_state_call(run) -> tuple[str, str] | None:
    """The call that raised InvalidStateError and its message, told by the exception's own message."""
    text = str((run.error or {}).get("message", ""))
    for marker, call in NOT_SET.items():
        if marker in text:
            return call, marker
    return None


def work_tasks(run) -> list[dict]:
    """The tasks dashboard() created (children of the run's root task), by start time."""
    roots = {task["id"] for task in run.tasks if task["parent"] is None}
    children = [task for task in run.tasks if task["parent"] in roots and task["started"] is not None]
    return sorted(children, key=lambda task: (task["started"], task["id"]))


def one_after_another(tasks: list[dict]) -> bool:
    return len(tasks) >= 2 and all(
        earlier["ended"] is not None and later["started"] >= earlier["ended"] - 1e-9
        for earlier, later in zip(tasks, tasks[1:]))


def spans(tasks: list[dict]) -> str:
    return ", ".join(f"{task['name']} {task['started']:g}–{task['ended']:g}s" for task in tasks if task["ended"] is not None)


@test("peek", zh="peek()：任务未完成时返回 'pending'（不抛 InvalidStateError），完成后返回结果",
      en="peek(): 'pending' while the task runs (no InvalidStateError), its result once done", weight=2)
def peek(t):
    t.function("peek")
    if t.inventory().get("peek") == "coroutine-function":
        t.fail("not-a-plain-function",
               zh="peek 是用 async def 定义的，调用 peek(task) 只会得到一个协程对象，而不是结果或 'pending'。"
                  "题目要求 peek 是普通函数（def）：task.done() 和 task.result() 都不需要 await。",
               en="peek is defined with async def, so peek(task) only gives a coroutine object, not the result or "
                  "'pending'. The exercise asks for a plain function (def): task.done() and task.result() need no await.")
    run = t.measure(t.scenario("peek_task"), allow_exception=True)
    if isinstance(run.exception, asyncio.InvalidStateError):
        found = invalid_state_call(run)
        if found is not None:
            call, marker = found
            raise Failure(zh=f"peek() 对一个还没完成的任务调用了 {call}，抛出了 InvalidStateError（{marker}）。"
                             "任务结束之前，result() 和 exception() 都不能调用。先用 task.done() 判断任务是否已完成。",
                          en=f"peek() called {call} on a task that had not finished, which raised InvalidStateError: "
                             f"{marker} Neither result() nor exception() may be called before the task has finished. "
                             "Check task.done() first.",
                          misconception="exception")
        raise Failure(zh=f"peek() 对一个还没完成的任务抛出了 InvalidStateError（{run.exception}）。"
                         "先用 task.done() 判断任务是否已完成。",
                      en=f"peek() raised InvalidStateError ({run.exception}) on a task that had not finished. "
                         "Check task.done() first.",
                      misconception="exception")
    if run.exception is not None:
        t.measure(t.scenario("peek_task"))  # reports the exception as it is
    result = run.result
    if isinstance(result, list) and len(result) == 3:
        before, done, zero = result
        if before != "pending":
            t.fail("wrong-state",
                   zh=f"对一个还没完成的任务，peek() 返回了 {before!r}，应当返回字符串 'pending'。",
                   en=f"For a task that had not finished, peek() returned {before!r} instead of the string 'pending'.")
        if done != "done":
            t.fail("wrong-state",
                   zh=f"对一个已完成、结果为 'done' 的任务，peek() 返回了 {done!r}，应当返回 task.result()，即 'done'。",
                   en=f"For a finished task whose result is 'done', peek() returned {done!r} instead of task.result(), "
                      "'done'.")
        if zero != 0:
            t.fail("falsy-result",
                   zh=f"对一个已完成、结果为 0 的任务，peek() 返回了 {zero!r}，应当返回 0：0 也是结果（只是它为假）。"
                      "判断任务是否完成要用 task.done()，而不是看结果的真假（如 task.result() or ...）。",
                   en=f"For a finished task whose result is 0, peek() returned {zero!r} instead of 0: 0 is a result too "
                      "(a falsy one). Tell whether the task has finished with task.done(), not by the truth of its "
                      "result (task.result() or …).")
    t.equal(result, ["pending", "done", 0])


@test("names", zh="三个任务分别命名为 fast、medium、slow", en="The three tasks are named fast, medium and slow")
def names(t):
    t.function("dashboard", coroutine=True)
    run = t.measure(t.scenario("live_task_names"))
    names = run.result if isinstance(run.result, (set, list, tuple)) else set()
    missing = [name for name in ("fast", "medium", "slow") if name not in names]
    if missing:
        shown = ", ".join(sorted(str(name) for name in names if name)) or "—"
        created = {task["name"]: task["created"] for task in run.tasks if task["name"] in missing}
        if len(created) == len(missing):
            later = ", ".join(f"{name} {created[name]:g}s" for name in missing)
            later_zh = "、".join(f"{name} 在第 {created[name]:g} 秒" for name in missing)
            t.fail("not-started",
                   zh=f"第 0.25 秒时，名为 {', '.join(missing)} 的任务还不存在（那时的任务名：{shown}）：运行记录显示它们是后来"
                      f"才创建的（{later_zh}）。三个任务应当一开始就一次性创建，让它们同时运行。",
                   en=f"0.25 s in, no task named {', '.join(missing)} existed yet (task names then: {shown}): the trace "
                      f"shows they were created only later ({later}). Create the three tasks all at once at the start, "
                      "so that they run at the same time.")
        raise Failure(zh=f"第 0.25 秒时，没有找到名为 {', '.join(missing)} 的任务（那时的任务名：{shown}）。"
                         "用 asyncio.create_task(coro, name=\"fast\") 给任务命名，否则它们叫 Task-1、Task-2……",
                      en=f"0.25 s in, no task named {', '.join(missing)} was running (task names then: {shown}). Name a "
                         "task with asyncio.create_task(coro, name=\"fast\"); otherwise they are called Task-1, Task-2…",
                      misconception="missing-name")


@test("snapshot", zh="0.75 秒时的快照：fast 已完成（'A'），medium 和 slow 仍是 'pending'",
      en="The snapshot at 0.75 s: fast is done ('A'), medium and slow are still 'pending'", weight=2)
def snapshot(t):
    t.function("dashboard", coroutine=True)
    run = t.measure(t.scenario("dashboard_with_peek_times"))
    outcome = run.result if isinstance(run.result, dict) else {}
    result = outcome.get("result")
    peek_times = outcome.get("peek_times") or []
    got = result.get("snapshot") if isinstance(result, dict) else None
    if got == SNAPSHOT:
        return
    if not isinstance(result, dict):
        t.equal(result, {"snapshot": SNAPSHOT, "final": FINAL})
    tasks = work_tasks(run)
    if isinstance(got, dict) and got and all(value != "pending" for value in got.values()) and one_after_another(tasks):
        t.fail("sequential",
               zh=f"快照 {got} 里所有任务都已完成。运行记录显示这些任务是一个接一个运行的（{spans(tasks)}）："
                  "每个任务都等前一个结束才开始。先一次性创建全部任务（它们会同时在后台运行），"
                  "再 await asyncio.sleep(0.75) 做快照，最后才等待它们。",
               en=f"In the snapshot {got} every task had finished. The trace shows the tasks ran one after another "
                  f"({spans(tasks)}): each started only when the one before had finished. Create all the tasks first "
                  "(they run in the background at the same time), await asyncio.sleep(0.75), take the snapshot, and "
                  "only then wait for them.")
    # The snapshot is the first call of peek(); final may call it again later.
    if peek_times and abs(peek_times[0] - 0.75) > 0.01:
        t.fail("timing",
               zh=f"快照是 {got}：peek() 第一次被调用是在第 {peek_times[0]:g} 秒，而快照应当在第 0.75 秒做"
                  "（那时 fast 已完成，medium 和 slow 还在运行）。",
               en=f"The snapshot is {got}: peek() was first called at {peek_times[0]:g} s, but the snapshot belongs at 0.75 s "
                  "(when fast has finished and medium and slow are still running).")
    t.equal(got, SNAPSHOT)


@test("final", zh="等所有任务完成后返回 final：{'fast': 'A', 'medium': 'B', 'slow': 'C'}",
      en="final, once every task has finished: {'fast': 'A', 'medium': 'B', 'slow': 'C'}")
def final(t):
    run = t.measure(t.function("dashboard", coroutine=True))
    result = run.result
    if not isinstance(result, dict):
        t.equal(result, {"snapshot": SNAPSHOT, "final": FINAL})
    got = result.get("final")
    if isinstance(got, dict) and "pending" in got.values():
        pending = sorted(name for name, value in got.items() if value == "pending")
        t.fail("missing-await",
               zh=f"final 是 {got}：{', '.join(pending)} 在做 final 时还没完成，运行在第 {run.elapsed:g} 秒就结束了，"
                  "而 slow 要到第 1.5 秒才完成。做 final 之前先等所有任务完成（例如 await asyncio.gather(*tasks)）。",
               en=f"final is {got}: {', '.join(pending)} had not finished when final was built, and the run ended at "
                  f"{run.elapsed:g} s, while slow finishes only at 1.5 s. Wait for every task (await "
                  "asyncio.gather(*tasks), say) before building final.")
    t.equal(got, FINAL)


@test("concurrent", zh="三个任务并发：共约 1.5 秒", en="The three tasks run concurrently: about 1.5 s in total",
      weight=2)
def concurrent(t):
    run = t.measure(t.function("dashboard", coroutine=True))
    t.all_awaited(run)
    t.no_blocking(run)
    t.about(run, 1.5, sequential=3.75)
