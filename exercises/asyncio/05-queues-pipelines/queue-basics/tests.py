from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


@test("results", zh="main(['a','b','c']) 返回 ['A','B','C']", en="main(['a','b','c']) returns ['A','B','C']")
def results(t):
    run = t.measure(t.function("main", coroutine=True), ["a", "b", "c"])
    if run.result != ["A", "B", "C"]:
        fail("output", f"应返回 ['A', 'B', 'C']，实际返回 {run.result!r}。每个元素都要经过 worker 处理，main 要等处理完再返回。",
             f"Expected ['A', 'B', 'C'], got {run.result!r}. Every item must go through the worker, and main must wait until it has been processed.")


@test("worker", zh="worker 逐个处理并为每个元素调用 task_done()", en="worker processes items one by one and calls task_done() for each")
def worker(t):
    t.function("worker", coroutine=True)
    run = t.measure(t.scenario("drive_worker"), ["x", "y"])
    out, status = run.result
    if status != "ok":
        fail("deadlock", f"放进 2 个元素后 queue.join() 5 秒都没返回（worker 得到 {out!r}）：worker 是否对每个元素都调用了 queue.task_done()？",
             f"With 2 items in the queue, queue.join() had not returned after 5 s (the worker produced {out!r}): does the worker call queue.task_done() for every item?")
    if out != ["X", "Y"]:
        fail("output", f"worker 应把 'x'、'y' 处理成 ['X', 'Y']，实际是 {out!r}。", f"The worker should turn 'x', 'y' into ['X', 'Y'], got {out!r}.")
    t.about(run, 1.0, sequential=None)


@test("waits-for-work", zh="main 用 join() 等到处理完：3 个元素约 1.5 秒", en="main waits with join() until the work is done: 3 items take about 1.5 s", weight=2)
def waits_for_work(t):
    run = t.measure(t.function("main", coroutine=True), ["a", "b", "c"])
    t.no_blocking(run)
    t.about(run, 1.5)


@test("clean-exit", zh="main 返回时 worker 已被取消并结束，没有任务挂着，也没有死锁", en="When main returns the worker has been cancelled and has ended: no pending task, no deadlock", weight=2)
def clean_exit(t):
    t.function("main", coroutine=True)
    run = t.measure(t.scenario("main_then_look"), ["a", "b"])
    result, pending = run.result
    if pending:
        fail("never-awaited", f"main 返回时这些任务还挂着：{', '.join(pending)}。worker 永远不会自己结束：join() 之后要 cancel() 它，并 await 它（忽略 CancelledError）。",
             f"These tasks were still pending when main returned: {', '.join(pending)}. The worker never ends by itself: after join(), cancel() it and await it (ignoring CancelledError).")
    t.all_awaited(run)
