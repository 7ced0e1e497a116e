from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure({"zh": zh, "en": en}, code)


def fetches(calls):
    """The keys fetch was called with (scenarios.py also notes "cancelled <key>" when a fetch was cancelled)."""
    return [call for call in calls if not call.startswith("cancelled ")]


def run_with(t, scenario):
    t.function("SingleFlight")
    return t.measure(t.scenario(scenario))


@test("dedup", zh="同一个 key 的 5 个并发 get（加上 0.5 秒时再来的一个）只触发 1 次 fetch，1 秒", en="5 concurrent gets of one key (and one more at 0.5 s) trigger 1 fetch, 1 s", weight=2)
def dedup(t):
    run = run_with(t, "dedup")
    values, calls = run.result
    if list(values) != ["A"] * 6:
        fail("output", f"5 个同时的调用者和 0.5 秒时加入的第 6 个都应得到 'A'，实际为 {values!r}。",
             f"The 5 concurrent callers and a 6th joining at 0.5 s should all get 'A', got {values!r}.")
    if len(fetches(calls)) != 1:
        fail("unbounded-concurrency", f"5 个同时的 get('a') 和 0.5 秒时的第 6 个，让同一个 key 被 fetch 了 {len(fetches(calls))} 次：后来的调用者应该等待正在进行的那次请求（把任务存进字典），而不是再发一次。",
             f"5 concurrent get('a') and a 6th at 0.5 s fetched the same key {len(fetches(calls))} times: later callers should wait for the fetch already in flight (keep its task in a dict) instead of starting another.")
    t.about(run, 1)


@test("cached", zh="成功的结果被缓存：再次 get 立即返回，不再 fetch", en="A success is cached: a later get returns at once without fetching")
def cached(t):
    run = run_with(t, "cached")
    (first, second, waited), calls = run.result
    if (first, second) != ("A", "A") or len(fetches(calls)) != 1 or waited > 0:
        fail("output", f"第二次 get 应立即返回缓存的 'A'（不再 fetch）；实际得到 {second!r}，共 fetch {len(fetches(calls))} 次，等了 {waited:g} 秒。",
             f"The second get should return the cached 'A' at once (no fetch); got {second!r}, {len(fetches(calls))} fetches, waited {waited:g} s.")


@test("keys-independent", zh="不同 key 互不阻塞：a、b 并发 1 秒", en="Different keys don't block each other: a and b together take 1 s", weight=2)
def keys_independent(t):
    run = run_with(t, "keys_independent")
    values, _ = run.result
    if list(values) != ["A", "B"]:
        fail("output", f"应返回 ['A', 'B']，实际为 {values!r}。", f"Expected ['A', 'B'], got {values!r}.")
    t.about(run, 1, sequential=2)


@test("errors-not-cached", zh="失败不缓存：所有等待者都收到异常，下次 get 会重新 fetch", en="Failures are not cached: every waiter gets the exception, the next get fetches again", weight=2)
def errors_not_cached(t):
    run = run_with(t, "errors_not_cached")
    outcomes, calls = run.result
    if not all(isinstance(outcome, KeyError) for outcome in outcomes):
        fail("output", f"每个等待者都应收到 KeyError，实际为 {outcomes!r}：不要吞掉 fetch 的异常。",
             f"Every waiter should get the KeyError, got {outcomes!r}: don't swallow the fetch's exception.")
    if len(fetches(calls)) != 2:
        fail("output", f"fetch 被调用了 {len(fetches(calls))} 次，应为 2 次：3 个并发等待者共享 1 次，失败后下一次 get 要重新 fetch（失败不进缓存，也要从“进行中”字典里删掉）。",
             f"fetch ran {len(fetches(calls))} times; expected 2: the 3 concurrent waiters share one, and after the failure the next get fetches again (a failure is not cached and leaves the in-flight dict).")


@test("cancel-one-waiter", zh="一个等待者超时被取消（包括发起请求的第一个），不影响其他等待者", en="One waiter timing out and being cancelled (the first one, who started the fetch, too) does not affect the others", weight=2)
def cancel_one_waiter(t):
    run = run_with(t, "cancel_one_waiter")
    outcomes, calls = run.result
    outcomes = list(outcomes)
    if outcomes[:2] != ["timeout", "A"]:
        fail("exception", f"应得到 ['timeout', 'A']，实际为 {outcomes[:2]!r}：wait_for 超时会取消它等待的对象；等待者直接 await 共享的任务时，这个任务也被取消了，其他等待者一起失败。用 asyncio.shield(task)。",
             f"Expected ['timeout', 'A'], got {outcomes[:2]!r}: a wait_for timeout cancels what it awaits; when a waiter awaits the shared task directly, that task is cancelled too and every other waiter fails. Use asyncio.shield(task).")
    if outcomes[2:] != ["timeout", "B"]:
        cancelled = "cancelled b" in calls
        fail("exception",
             f"这次先调用 get('b') 的等待者在 0.5 秒超时被取消，0.1 秒时加入的第二个等待者得到的是 {outcomes[3]!r}，不是 'B'"
             + ("；而且 fetch('b') 本身也跟着被取消了" if cancelled else "")
             + "：请求不能属于某一个调用者——放进一个独立的任务里运行（create_task），每个调用者都通过 asyncio.shield 等它，"
             "谁被取消都不影响请求本身。",
             f"This time the waiter who called get('b') first was cancelled by its 0.5 s timeout, and the second waiter, who "
             f"joined at 0.1 s, got {outcomes[3]!r}, not 'B'"
             + (", and fetch('b') itself was cancelled with it" if cancelled else "")
             + ": the fetch must not belong to one caller — run it in a task of its own (create_task) and let every caller "
             "await it through asyncio.shield, so whoever is cancelled, the fetch goes on.")
    t.about(run, 2)
