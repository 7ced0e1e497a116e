from awaitable.testing import Failure, test

BOTH = ["Hello", "World"]


def printed_at(run, text):
    for event in run.events:
        if event.get("kind") == "output" and text in event.get("text", ""):
            return event["t"]
    return None


def check_times(run, hello, world):
    got = (printed_at(run, "Hello"), printed_at(run, "World"))
    if got != (hello, world):
        zh = [f"第 {moment:g} 秒" if moment is not None else "没有打印" for moment in got]
        en = [f"was printed at {moment:g} s" if moment is not None else "was never printed" for moment in got]
        raise Failure({
            "zh": f"Hello 应在第 {hello} 秒打印、World 在第 {world} 秒打印，实际：Hello {zh[0]}，World {zh[1]}。",
            "en": f"Hello should be printed at {hello} s and World at {world} s; Hello {en[0]} and World {en[1]}.",
        }, "timing")


def child_tasks(run) -> list[dict]:
    """The tasks the function under test created (children of the run's root task), by creation."""
    roots = {task["id"] for task in run.tasks if task["parent"] is None}
    return sorted((task for task in run.tasks if task["parent"] in roots), key=lambda task: (task["created"], task["id"]))


@test("serial", zh="main_serial：Hello 在 1 秒、World 在 3 秒打印，共 3 秒",
      en="main_serial: Hello at 1 s, World at 3 s, 3 s in total")
def serial(t):
    run = t.measure(t.function("main_serial", coroutine=True))
    t.equal(run.result, BOTH)
    if abs(run.elapsed - 2) <= 0.01 and run.peak_in_flight >= 2:
        t.fail("concurrent-serial",
               zh=f"main_serial 用了 {run.elapsed:g} 秒：运行记录显示同一时刻有 {run.peak_in_flight} 个等待在同时进行。"
                  "这个函数要演示的是串行：先 await 第一个 say_after，它结束后再 await 第二个，共 3 秒。",
               en=f"main_serial took {run.elapsed:g} s: the trace shows {run.peak_in_flight} waits in flight at the same "
                  "moment. This function is the sequential one: await the first say_after, "
                  "and only when it has finished await the second: 3 s in total.")
    t.about(run, 3)
    check_times(run, 1, 3)


@test("gather", zh="main_gather：两个协程并发，Hello 在 1 秒、World 在 2 秒，共约 2 秒",
      en="main_gather: both run concurrently, Hello at 1 s, World at 2 s, about 2 s in total", weight=2)
def gather(t):
    run = t.measure(t.function("main_gather", coroutine=True))
    t.equal(run.result, BOTH)
    created = child_tasks(run)
    if abs(run.elapsed - 3) <= 0.01 and len(created) < 2:
        shown = ", ".join(task["label"] for task in created) or "—"
        raise Failure({
            "zh": f"main_gather 用了 {run.elapsed:g} 秒：运行记录显示交给事件循环作为任务运行的只有 {len(created)} 个"
                  f"（{shown}），另一个 say_after 是在它之后、在 main_gather 里直接 await 的。"
                  "把两个 say_after 放进同一个 asyncio.gather(...)，它们才会同时开始。",
            "en": f"main_gather took {run.elapsed:g} s: the trace shows only {len(created)} task(s) handed to the event "
                  f"loop ({shown}); the other say_after was awaited after it, directly inside main_gather. Put both "
                  "say_after calls into one asyncio.gather(...) so that they start together.",
        }, "sequential")
    t.about(run, 2, sequential=3)
    check_times(run, 1, 2)


@test("tasks", zh="main_tasks：先创建两个任务再逐个 await，仍是约 2 秒",
      en="main_tasks: create both tasks, then await them one by one: still about 2 s", weight=2)
def tasks(t):
    run = t.measure(t.function("main_tasks", coroutine=True))
    t.equal(run.result, BOTH)
    created = child_tasks(run)
    if not created:
        raise Failure({
            "zh": f"main_tasks 用了 {run.elapsed:g} 秒，运行记录里除了 main_tasks 自己，没有任何任务：两个 say_after 都在 "
                  "main_tasks 里被直接 await，一个接一个运行。协程对象在被 await 之前什么也不做；"
                  "先用 asyncio.create_task 把它们变成任务（任务会自己开始运行），再 await。",
            "en": f"main_tasks took {run.elapsed:g} s and the trace shows no task besides main_tasks itself: both "
                  "say_after calls were awaited directly inside main_tasks, one after the other. A coroutine object "
                  "does nothing until it is awaited; turn them into tasks with asyncio.create_task first (a task "
                  "starts running by itself), then await them.",
        }, "not-a-task")
    if len(created) < 2:
        raise Failure({
            "zh": f"main_tasks 用了 {run.elapsed:g} 秒，运行记录显示它只创建了 1 个任务（{created[0]['label']}），"
                  "另一个 say_after 是在 main_tasks 里直接 await 的。题目要求先用 asyncio.create_task 创建两个任务，再逐个 await。",
            "en": f"main_tasks took {run.elapsed:g} s and the trace shows it created only 1 task ({created[0]['label']}); "
                  "the other say_after was awaited directly inside main_tasks. The exercise asks for two tasks made "
                  "with asyncio.create_task first, then awaited one by one.",
        }, "not-a-task")
    first, second = created[0], created[1]
    if abs(run.elapsed - 3) <= 0.01 and first["ended"] is not None and second["created"] >= first["ended"] - 1e-9:
        raise Failure({
            "zh": f"main_tasks 用了 {run.elapsed:g} 秒：运行记录显示第二个任务（{second['label']}）直到第 {second['created']:g} 秒"
                  f"才被创建，那时第一个任务（{first['label']}）已经结束了，所以它们还是一个接一个运行"
                  "（一创建任务就 await 它，就会这样）。先把两个任务都创建好，再逐个 await。",
            "en": f"main_tasks took {run.elapsed:g} s: the trace shows the second task ({second['label']}) was created "
                  f"only at {second['created']:g} s, when the first ({first['label']}) had already finished, so they still "
                  "ran one after the other (which is what awaiting each task right after creating it does). Create "
                  "both tasks first, then await them one by one.",
        }, "sequential")
    t.about(run, 2, sequential=3)
    check_times(run, 1, 2)


@test("no-blocking", zh="没有阻塞调用，也没有漏掉 await", en="No blocking call and no missing await")
def no_blocking(t):
    for name in ("main_serial", "main_gather", "main_tasks"):
        run = t.measure(t.function(name, coroutine=True))
        t.all_awaited(run)
        t.no_blocking(run)
