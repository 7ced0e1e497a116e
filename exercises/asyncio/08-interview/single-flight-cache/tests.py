from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure({"zh": zh, "en": en}, code)


def run_with(t, scenario):
    t.function("SingleFlight")
    return t.measure(t.scenario(scenario))


@test("dedup", zh="同一个 key 的 5 个并发 get 只触发 1 次 fetch，1 秒", en="5 concurrent gets of one key trigger 1 fetch, 1 s", weight=2)
def dedup(t):
    run = run_with(t, "dedup")
    values, calls = run.result
    if list(values) != ["A"] * 5:
        fail("output", f"5 个调用者都应得到 'A'，实际为 {values!r}。", f"All 5 callers should get 'A', got {values!r}.")
    if len(calls) != 1:
        fail("unbounded-concurrency", f"同一个 key 被 fetch 了 {len(calls)} 次：后来的调用者应该等待正在进行的那次请求（把任务存进字典），而不是再发一次。",
             f"The same key was fetched {len(calls)} times: later callers should wait for the fetch already in flight (keep its task in a dict) instead of starting another.")
    t.about(run, 1)


@test("cached", zh="成功的结果被缓存：再次 get 立即返回，不再 fetch", en="A success is cached: a later get returns at once without fetching")
def cached(t):
    run = run_with(t, "cached")
    (first, second, waited), calls = run.result
    if (first, second) != ("A", "A") or len(calls) != 1 or waited > 0:
        fail("output", f"第二次 get 应立即返回缓存的 'A'（不再 fetch）；实际得到 {second!r}，共 fetch {len(calls)} 次，等了 {waited:g} 秒。",
             f"The second get should return the cached 'A' at once (no fetch); got {second!r}, {len(calls)} fetches, waited {waited:g} s.")


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
    if len(calls) != 2:
        fail("output", f"fetch 被调用了 {len(calls)} 次，应为 2 次：3 个并发等待者共享 1 次，失败后下一次 get 要重新 fetch（失败不进缓存，也要从“进行中”字典里删掉）。",
             f"fetch ran {len(calls)} times; expected 2: the 3 concurrent waiters share one, and after the failure the next get fetches again (a failure is not cached and leaves the in-flight dict).")


@test("cancel-one-waiter", zh="一个等待者超时被取消，不影响其他等待者", en="One waiter timing out and being cancelled does not affect the others", weight=2)
def cancel_one_waiter(t):
    run = run_with(t, "cancel_one_waiter")
    outcomes, calls = run.result
    if list(outcomes) != ["timeout", "A"]:
        fail("exception", f"应得到 ['timeout', 'A']，实际为 {outcomes!r}：wait_for 超时会取消它等待的对象；等待者直接 await 共享的任务时，这个任务也被取消了，其他等待者一起失败。用 asyncio.shield(task)。",
             f"Expected ['timeout', 'A'], got {outcomes!r}: a wait_for timeout cancels what it awaits; when a waiter awaits the shared task directly, that task is cancelled too and every other waiter fails. Use asyncio.shield(task).")
    t.about(run, 1)
