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
        raise Failure({
            "zh": f"Hello 应在第 {hello} 秒打印、World 在第 {world} 秒打印，实际分别在 {got[0]} 秒和 {got[1]} 秒。",
            "en": f"Hello should be printed at {hello} s and World at {world} s; they were printed at {got[0]} s "
                  f"and {got[1]} s.",
        }, "timing")


@test("serial", zh="main_serial：Hello 在 1 秒、World 在 3 秒打印，共 3 秒",
      en="main_serial: Hello at 1 s, World at 3 s, 3 s in total")
def serial(t):
    run = t.measure(t.function("main_serial", coroutine=True))
    t.equal(run.result, BOTH)
    t.about(run, 3)
    check_times(run, 1, 3)


@test("gather", zh="main_gather：两个协程并发，Hello 在 1 秒、World 在 2 秒，共约 2 秒",
      en="main_gather: both run concurrently, Hello at 1 s, World at 2 s, about 2 s in total", weight=2)
def gather(t):
    run = t.measure(t.function("main_gather", coroutine=True))
    t.equal(run.result, BOTH)
    t.about(run, 2, sequential=3)
    check_times(run, 1, 2)


@test("tasks", zh="main_tasks：先创建两个任务再逐个 await，仍是约 2 秒",
      en="main_tasks: create both tasks, then await them one by one: still about 2 s", weight=2)
def tasks(t):
    run = t.measure(t.function("main_tasks", coroutine=True))
    t.equal(run.result, BOTH)
    if len(run.tasks_named("say_after")) < 2:
        raise Failure({
            "zh": f"main_tasks 用了 {run.elapsed:g} 秒，两个 say_after 都没有被包装成任务：协程对象在被 await 之前什么也不做，"
                  "所以逐个 await 它们就是串行。先用 asyncio.create_task 把它们变成任务（任务会自己开始运行），再 await。",
            "en": f"main_tasks took {run.elapsed:g} s and the say_after calls were not wrapped in tasks: a coroutine "
                  "object does nothing until it is awaited, so awaiting them one by one is sequential. Turn them "
                  "into tasks with asyncio.create_task first (a task starts running by itself), then await them.",
        }, "not-a-task")
    t.about(run, 2, sequential=3)
    check_times(run, 1, 2)


@test("no-blocking", zh="没有阻塞调用，也没有漏掉 await", en="No blocking call and no missing await")
def no_blocking(t):
    for name in ("main_serial", "main_gather", "main_tasks"):
        run = t.measure(t.function(name, coroutine=True))
        t.all_awaited(run)
        t.no_blocking(run)
