from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


# [name, delay, fails]: scenarios.py turns each into a job that logs its start and its finally cleanup.
STANDARD_JOBS = [["A", 3, False], ["B", 1, False], ["C", 2, False], ["D", 0.5, True], ["E", 4, False]]
FAILING_JOBS = [[name, 1, True] for name in "XYZ"]


def run_jobs(t, specs, n, deadline):
    t.function("first_successes", coroutine=True)
    return t.measure(t.scenario("run_jobs"), specs, n, deadline)


def check_result(result, expected):
    if result != expected:
        fail("output", f"应返回 {expected!r}（按完成先后），实际为 {result!r}。",
             f"Expected {expected!r} (in order of completion), got {result!r}.")


@test("first-n", zh="A3 B1 C2 D0.5(失败) E4，n=2：2 秒时返回 ['B', 'C']", en="A3 B1 C2 D0.5(fails) E4, n=2: returns ['B', 'C'] at 2 s", weight=2)
def first_n(t):
    run = run_jobs(t, STANDARD_JOBS, 2, 10)
    if run.peak_in_flight < len(STANDARD_JOBS):
        fail("sequential",
             f"运行记录显示同一时刻最多只有 {run.peak_in_flight} 个 job 在等待，而 5 个 job 应当一开始就全部启动"
             "（为每个 job 创建一个任务），这样才能按完成先后收集结果。",
             f"The trace shows at most {run.peak_in_flight} job(s) waiting at any moment, but all 5 jobs should start at "
             "once (one task per job), so that results can be collected in the order they complete.")
    result, _, _ = run.result
    check_result(result, ["B", "C"])
    t.about(run, 2)


@test("deadline", zh="n=4、截止 2.5 秒：返回截止前的 ['B', 'C']", en="n=4 with a 2.5 s deadline: returns ['B', 'C'], what finished in time", weight=2)
def deadline(t):
    run = run_jobs(t, STANDARD_JOBS, 4, 2.5)
    result, _, _ = run.result
    if run.elapsed > 2.51:
        fail("timing",
             f"截止时间是调用后 2.5 秒，函数却到 {run.elapsed:g} 秒才返回（返回了 {result!r}）：截止时间从调用时算起，"
             "是一个固定的结束时刻；每轮等待只能等到它为止（剩余时间 = 结束时刻 − 现在），而不是每轮重新给 2.5 秒。",
             f"The deadline is 2.5 s after the call, yet the function returned at {run.elapsed:g} s (returning {result!r}): "
             "the deadline counts from the call and is one fixed end; each round may wait only until then (time left = "
             "end − now), not another 2.5 s per round.")
    check_result(result, ["B", "C"])
    t.about(run, 2.5)


@test("all-fail-early", zh="全部失败时不等到截止：1 秒返回 []", en="When every job fails, don't wait for the deadline: [] at 1 s")
def all_fail_early(t):
    run = run_jobs(t, FAILING_JOBS, 1, 10)
    result, _, _ = run.result
    check_result(result, [])
    if run.elapsed > 1.01:
        fail("timing", f"所有任务在 1 秒时都已失败，但函数到 {run.elapsed:g} 秒才返回：没有任务可等时就该立即返回。",
             f"Every job had failed at 1 s, yet the function returned at {run.elapsed:g} s: when nothing is left to wait for, return at once.")
    t.about(run, 1)


@test("cleanup-before-return", zh="返回前：未完成的任务已取消，它们的 finally 清理都已执行，没有任务挂着", en="Before returning: unfinished jobs are cancelled, their finally cleanup has run, no task is left pending", weight=2)
def cleanup_before_return(t):
    run = run_jobs(t, STANDARD_JOBS, 2, 10)
    _, log, pending = run.result
    missing = [name for name in "ABCDE" if f"start {name}" in log and f"cleanup {name}" not in log]
    if pending or missing:
        fail("never-awaited", f"函数返回时，任务 {', '.join(pending) or '—'} 还挂着，{', '.join(missing) or '—'} 的 finally 清理还没执行：cancel() 只是“请求”取消，要再 await 这些任务（如 gather(..., return_exceptions=True)）等它们真正结束。",
             f"When the function returned, tasks {', '.join(pending) or '—'} were still pending and the finally cleanup of {', '.join(missing) or '—'} had not run: cancel() only requests cancellation; await the tasks (e.g. gather(..., return_exceptions=True)) until they have really ended.")
    t.all_awaited(run)
