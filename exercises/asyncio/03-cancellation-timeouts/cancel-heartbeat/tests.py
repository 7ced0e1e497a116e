import asyncio

from awaitable.testing import test


def show(moments, limit=6):
    shown = ", ".join(f"{moment:g}s→{count}" for moment, count in moments[:limit])
    return shown + (", …" if len(moments) > limit else "")


def show_log(log, limit=6):
    if not isinstance(log, list) or len(log) <= limit:
        return repr(log)
    return f"[{log[0]!r}, {log[1]!r}, …, {log[-2]!r}, {log[-1]!r}]"


def check_still_running(t, state):
    """A heartbeat that was still running 3 s after its cancel() (the scenario
    then stopped it through its log)."""
    if not state["still_running"]:
        return
    more = state["log"][len(state["log_at_cancel"]):]
    beats = more.count("beat")
    t.fail("ignores-cancel",
           zh=f"task.cancel() 之后过了 3 秒，heartbeat 仍在运行"
              + (f"，而且又追加了 {beats} 个 'beat'（取消后的 log 增加了 {show_log(more)}）" if beats else "")
              + "：它收到了 CancelledError，却没有让它结束任务，而是继续循环。清理完之后要让 CancelledError 继续传播"
                "（用 finally，或者在 except asyncio.CancelledError 里清理后 raise），循环才会真正停下。",
           en="3 s after task.cancel() heartbeat was still running"
              + (f", and had appended {beats} more 'beat' (the log grew by {show_log(more)} after the cancel)" if beats else "")
              + ": it got CancelledError but did not let it end the task, and went on looping. Let CancelledError "
                "propagate after the cleanup (use finally, or raise at the end of except asyncio.CancelledError) so "
                "the loop really stops.")


def check_not_ended_early(t, state, after):
    ended = state["ended_before_cancel"]
    if ended is None:
        return
    beats = state["log_at_cancel"].count("beat")
    t.fail("not-forever",
           zh=f"heartbeat 在第 {ended:g} 秒就自己结束了（此时 log 里有 {beats} 个 'beat'），而测试在第 {after:g} 秒才取消它："
              "题目要求一直循环下去（while True），直到被取消为止，而不是跳几次就停。",
           en=f"heartbeat ended by itself at {ended:g} s (with {beats} 'beat' in the log), while the test cancelled it "
              f"only at {after:g} s: the prompt asks for a loop that goes on (while True) until it is cancelled, not for "
              "a fixed number of beats.")


def check_beats(t, state):
    """The number of beats at 0.5 s, 1.5 s, …: k at k + 0.5 s."""
    counts = state["counts"]
    wrong = [(moment, count) for moment, count in counts if count != int(moment)]
    if not wrong:
        return
    moment, count = wrong[0]
    expected = int(moment)
    if count > expected:
        zh_why = "比经过的整秒数还多：有 'beat' 来得太早了（第一个应在第 1 秒，而不是第 0 秒）。"
        en_why = "more than the whole seconds elapsed: a beat came too early (the first one is due at 1 s, not at 0 s)."
    else:
        zh_why = "比经过的整秒数少：'beat' 来得太晚或太稀了（应该每 1 秒一个）。"
        en_why = "fewer than the whole seconds elapsed: the beats came too late or too rarely (one every second)."
    t.fail("beat-timing",
           zh=f"第 {moment:g} 秒时 log 里有 {count} 个 'beat'，应为 {expected} 个，{zh_why}"
              f"（各时刻的 'beat' 数：{show(counts)}）",
           en=f"At {moment:g} s the log held {count} 'beat', expected {expected}: {en_why} "
              f"(beats counted at each moment: {show(counts)})")


def check_cleaned_up(t, state):
    log = show_log(state["log"])
    if "stopped" not in state["log"]:
        t.fail("exception",
               zh=f"取消后 log 是 {log}，没有 'stopped'：清理代码没有运行。取消会在 heartbeat 正在等待的 await 处抛出 "
                  "CancelledError，写在循环后面的代码执行不到；把清理放进 try/finally（或 except asyncio.CancelledError: … raise）。",
               en=f"After the cancel the log is {log}, without 'stopped': the cleanup never ran. Cancelling raises "
                  "CancelledError at the await heartbeat is waiting on, so code written after the loop is not reached; "
                  "put the cleanup in try/finally (or except asyncio.CancelledError: … raise).")
    if not state["cancelled"]:
        t.fail("exception",
               zh="heartbeat 做了清理，但任务是\"正常结束\"的（task.cancelled() 为 False）：它捕获了 CancelledError 却没有重新抛出，"
                  "调用方无法知道它被取消了。清理完之后用 raise 让取消继续传播（或者用 finally）。",
               en="heartbeat cleaned up, but the task ended normally (task.cancelled() is False): it caught CancelledError "
                  "and did not re-raise it, so callers cannot tell it was cancelled. Re-raise after the cleanup (or use "
                  "finally).")


@test("cleanup", zh="heartbeat 被取消时追加 'stopped'，并让 CancelledError 继续传播（task.cancelled() 为 True）",
      en="A cancelled heartbeat appends 'stopped' and lets CancelledError propagate (task.cancelled() is True)", weight=2)
def cleanup(t):
    t.function("heartbeat", coroutine=True)
    run = t.measure(t.scenario("cancel_heartbeat"), 2.5)
    state = run.result
    log = state["log"]
    check_still_running(t, state)
    check_not_ended_early(t, state, 2.5)
    check_cleaned_up(t, state)
    check_beats(t, state)
    t.equal(log, ["beat", "beat", "stopped"])
    t.about(run, 2.5)


@test("forever", zh="heartbeat 一直跳下去直到被取消：20.5 秒时取消，log 里有 20 个 'beat' 和 'stopped'",
      en="heartbeat beats until it is cancelled: cancelled at 20.5 s, the log holds 20 'beat' and 'stopped'")
def forever(t):
    t.function("heartbeat", coroutine=True)
    run = t.measure(t.scenario("cancel_heartbeat"), 20.5)
    state = run.result
    check_not_ended_early(t, state, 20.5)
    check_still_running(t, state)
    check_cleaned_up(t, state)
    check_beats(t, state)
    t.equal(state["log"], ["beat"] * 20 + ["stopped"])


RUNNER = "awaitable: run_for"  # scenarios.RUNNER: the task of ours that runs run_for()


def run_for_log(t, seconds):
    """run_for(seconds)'s log when it returns and 0.1 s later (scenarios.run_for_log)."""
    run = t.measure(t.scenario("run_for_log"), seconds, allow_exception=True)
    if isinstance(run.exception, asyncio.CancelledError):
        t.fail("exception",
               zh="CancelledError 从 run_for 里传了出来：await 一个被取消的任务会重新抛出 CancelledError。"
                  "在 run_for 里用 try/except asyncio.CancelledError 包住 await task。",
               en="CancelledError escaped from run_for: awaiting a cancelled task raises CancelledError again. Wrap "
                  "await task in try/except asyncio.CancelledError inside run_for.")
    if run.exception is not None:
        t.measure(t.scenario("run_for_log"), seconds)  # reports the exception as it is
    state = run.result
    if "stuck" in state:
        never = [entry["coroutine"] + "()" for entry in state["stuck"] if entry["cancelling"] == 0]
        if never:
            t.fail("missing-cancel",
                   zh=f"run_for({seconds:g}) 到第 {state['after']:g} 秒还没有返回；这时任务 {', '.join(never)} 仍在运行，"
                      "而且从来没有人对它调用过 cancel()：run_for 在等一个永远不会自己结束的任务。先 task.cancel()，再 await 它。",
                   en=f"run_for({seconds:g}) had not returned at {state['after']:g} s; the task {', '.join(never)} was still "
                      "running then, and no cancel() had ever been requested for it: run_for waits for a task that never "
                      "ends by itself. Call task.cancel() first, then await it.")
        t.fail("timing",
               zh=f"run_for({seconds:g}) 到第 {state['after']:g} 秒还没有返回。",
               en=f"run_for({seconds:g}) had not returned at {state['after']:g} s.")
    return run, state["log"], state["later"]


@test("run-for", zh="run_for(3.5) 返回时，heartbeat 已经清理完毕：['beat', 'beat', 'beat', 'stopped']",
      en="When run_for(3.5) returns, heartbeat has already cleaned up: ['beat', 'beat', 'beat', 'stopped']", weight=2)
def run_for(t):
    t.function("run_for", coroutine=True)
    run, log, later = run_for_log(t, 3.5)
    if isinstance(log, list) and "stopped" not in log:
        if isinstance(later, list) and "stopped" in later:
            t.fail("missing-await",
                   zh=f"run_for 返回时 log 是 {log}，0.1 秒后才出现 'stopped'：heartbeat 还没来得及清理。task.cancel() 只是\"请求\"取消，"
                      "任务要等下一次运行时才在 await 处收到 CancelledError。cancel() 之后要 await 这个任务"
                      "（用 try/except asyncio.CancelledError 包住），等它真正结束。",
                   en=f"When run_for returned the log was {log}, and 'stopped' came 0.1 s later: heartbeat had not cleaned "
                      "up yet. task.cancel() only *requests* cancellation; the task gets CancelledError at its await the "
                      "next time it runs. After cancel(), await the task (inside try/except asyncio.CancelledError) so it "
                      "has really ended.")
        t.fail("exception",
               zh=f"run_for 返回的 log 是 {log}，之后也一直没有 'stopped'：heartbeat 被取消时没有做清理（见 cleanup 测试）。",
               en=f"run_for returned the log {log}, and no 'stopped' came later either: heartbeat did not clean up when "
                  "it was cancelled (see the cleanup test).")
    if isinstance(log, list) and log[-1:] == ["stopped"] and log.count("beat") != 3:
        t.fail("beat-timing",
               zh=f"run_for(3.5) 返回的 log 里有 {log.count('beat')} 个 'beat'，应为 3 个（第 1、2、3 秒各一个）。",
               en=f"run_for(3.5) returned {log.count('beat')} 'beat' in the log, expected 3 (one at 1 s, 2 s and 3 s).")
    t.equal(log, ["beat", "beat", "beat", "stopped"])
    if not any(task["parent"] is not None and task["name"] != RUNNER for task in run.tasks):
        t.fail("not-a-task",
               zh="run_for 没有创建任何任务：heartbeat 是在 run_for 自己的任务里直接 await 的。题目要求把 heartbeat(log) "
                  "作为后台任务运行（asyncio.create_task 或 TaskGroup），再用 task.cancel() 取消它。",
               en="run_for created no task: heartbeat was awaited directly in run_for's own task. The prompt asks to run "
                  "heartbeat(log) as a background task (asyncio.create_task or a TaskGroup) and to stop it with "
                  "task.cancel().")
    run, log, later = run_for_log(t, 0.5)  # cancelled before the first beat
    t.equal(log, ["stopped"])
    run = t.measure(t.scenario("run_for_slow_cleanup"), 2.5)
    log, used, returned_at = run.result
    if used and isinstance(log, list) and "stopped" not in log:
        t.fail("missing-await",
               zh=f"换成一个清理要花 0.3 秒的 heartbeat（它在 finally 里先 await 0.3 秒再追加 'stopped'）后，run_for(2.5) "
                  f"在第 {returned_at:g} 秒就返回了，log 是 {log}：清理还没做完。等一小会儿（比如 asyncio.sleep(0)）"
                  "不等于等它结束；cancel() 之后要 await 这个任务本身，直到它真正结束。",
               en=f"With a heartbeat whose cleanup takes 0.3 s (its finally awaits 0.3 s before appending 'stopped'), "
                  f"run_for(2.5) returned at {returned_at:g} s with the log {log}: the cleanup was not done. Waiting a "
                  "little (asyncio.sleep(0), say) is not waiting until it has ended; after cancel(), await the task "
                  "itself until it has really ended.")
    if used:
        t.equal(log, ["beat", "beat", "stopped"])
        t.about(returned_at, 2.8)


@test("timing", zh="run_for(3.5) 约 3.5 秒后返回", en="run_for(3.5) returns after about 3.5 s")
def timing(t):
    run = t.measure(t.function("run_for", coroutine=True), 3.5)
    t.all_awaited(run)
    t.no_blocking(run)
    t.about(run, 3.5)
