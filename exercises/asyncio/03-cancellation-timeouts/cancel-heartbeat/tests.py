import asyncio

from awaitable.testing import Failure, test


@test("cleanup", zh="heartbeat 被取消时追加 'stopped'，并让 CancelledError 继续传播（task.cancelled() 为 True）",
      en="A cancelled heartbeat appends 'stopped' and lets CancelledError propagate (task.cancelled() is True)", weight=2)
def cleanup(t):
    t.function("heartbeat", coroutine=True)
    run = t.measure(t.scenario("cancel_heartbeat"), 2.5)
    log, cancelled = run.result
    if "stopped" not in log:
        raise Failure(zh=f"取消后 log 是 {log}，没有 'stopped'：清理代码没有运行。取消会在 await 处抛出 CancelledError，"
                         "循环后面的代码永远执行不到；把清理放进 try/finally（或 except asyncio.CancelledError: ... raise）。",
                      en=f"After the cancel the log is {log}, without 'stopped': the cleanup never ran. Cancelling raises "
                         "CancelledError at the await, so code after the loop is never reached; put the cleanup in "
                         "try/finally (or except asyncio.CancelledError: ... raise).",
                      misconception="exception")
    if not cancelled:
        raise Failure(zh="heartbeat 捕获了 CancelledError 却没有重新抛出：任务看起来是\"正常结束\"的（task.cancelled() 为 False），"
                         "调用方无法知道它被取消了。清理完之后用 raise 让取消继续传播（或者用 finally）。",
                      en="heartbeat caught CancelledError and did not re-raise it: the task looks as if it ended normally "
                         "(task.cancelled() is False), so callers cannot tell it was cancelled. Re-raise after the cleanup "
                         "(or use finally).",
                      misconception="exception")
    t.equal(log, ["beat", "beat", "stopped"])
    t.about(run, 2.5)


@test("run-for", zh="run_for(3.5) 返回时，heartbeat 已经清理完毕：['beat', 'beat', 'beat', 'stopped']",
      en="When run_for(3.5) returns, heartbeat has already cleaned up: ['beat', 'beat', 'beat', 'stopped']", weight=2)
def run_for(t):
    t.function("run_for", coroutine=True)
    run = t.measure(t.scenario("run_for_log"), 3.5, allow_exception=True)
    if isinstance(run.exception, asyncio.CancelledError):
        raise Failure(zh="CancelledError 从 run_for 里传了出来：await 一个被取消的任务会重新抛出 CancelledError。"
                         "在 run_for 里用 try/except asyncio.CancelledError 包住 await task。",
                      en="CancelledError escaped from run_for: awaiting a cancelled task raises CancelledError again. Wrap "
                         "await task in try/except asyncio.CancelledError inside run_for.",
                      misconception="exception")
    if run.exception is not None:
        t.measure(t.scenario("run_for_log"), 3.5)  # reports the exception as it is
    log, later = run.result
    if isinstance(log, list) and "stopped" not in log and isinstance(later, list) and "stopped" in later:
        raise Failure(zh=f"run_for 返回时 log 是 {log}，heartbeat 还没来得及清理：task.cancel() 只是\"请求\"取消，"
                         "任务要等下一次运行时才在 await 处收到 CancelledError。cancel() 之后要 await 这个任务"
                         "（用 try/except asyncio.CancelledError 包住），等它真正结束。",
                      en=f"When run_for returned the log was {log}: heartbeat had not cleaned up yet. task.cancel() only "
                         "*requests* cancellation; the task gets CancelledError at its await the next time it runs. After "
                         "cancel(), await the task (inside try/except asyncio.CancelledError) so it has really ended.",
                      misconception="missing-await")
    t.equal(log, ["beat", "beat", "beat", "stopped"])


@test("timing", zh="run_for(3.5) 约 3.5 秒后返回", en="run_for(3.5) returns after about 3.5 s")
def timing(t):
    run = t.measure(t.function("run_for", coroutine=True), 3.5)
    t.all_awaited(run)
    t.no_blocking(run)
    t.about(run, 3.5)
