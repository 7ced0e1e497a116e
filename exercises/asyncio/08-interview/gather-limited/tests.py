from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def work(name, delay, error=False):
    """The spec of one coroutine: scenarios.py makes it sleep ``delay`` s, then return ``name`` or raise ValueError(name)."""
    return [name, delay, error]


def sliding_window_seconds(limit, delays):
    """How long a sliding window of `limit` slots takes, each coroutine starting as soon as a slot frees."""
    ends = []
    for delay in delays:
        if len(ends) == limit:
            start = min(ends)
            ends.remove(start)
        else:
            start = 0
        ends.append(start + delay)
    return max(ends, default=0)


def batches_seconds(limit, delays):
    return sum(max(delays[start:start + limit]) for start in range(0, len(delays), limit))


def check_limit(t, run, limit, count):
    peak = run.peak_in_flight
    if peak > limit:
        fail("unbounded-concurrency",
             f"运行记录显示同一时刻有 {peak} 个协程在运行，limit 是 {limit}：每个协程都要先拿到名额（asyncio.Semaphore(limit)，"
             "或只开 limit 个 worker）才能开始运行。",
             f"The trace shows {peak} coroutines running at once with limit {limit}: each must get a slot first "
             "(asyncio.Semaphore(limit), or only limit workers) before it starts.")
    if peak < min(limit, count):
        fail("sequential",
             f"运行记录显示同一时刻最多只有 {peak} 个协程在运行，而 limit 是 {limit}：应当同时运行 {min(limit, count)} 个，"
             f"一个结束再开始下一个（测得 {run.elapsed:g} 秒）。",
             f"The trace shows at most {peak} coroutine(s) running at once with limit {limit}: {min(limit, count)} should "
             f"run at the same time, the next starting when one ends (measured {run.elapsed:g} s).")


def call(t, limit, specs):
    t.function("gather_limited", coroutine=True)
    return t.measure(t.scenario("gather_work"), limit, specs)


@test("order", zh="结果按参数顺序返回", en="Results come back in argument order")
def order(t):
    run = call(t, 2, [work("a", 3), work("b", 1), work("c", 1), work("d", 1)])
    if run.result is None or list(run.result) != ["a", "b", "c", "d"]:
        if isinstance(run.result, list) and sorted(run.result) == ["a", "b", "c", "d"]:
            fail("order", f"四个结果都在，但顺序是 {run.result!r}：a 要 3 秒，比 b、c、d 都慢，它的结果仍要排在第一位。"
                 "结果按参数顺序排列，与完成先后无关：按下标把每个结果放回原位，或者用 gather。",
                 f"All four results are there, but in the order {run.result!r}: a takes 3 s, longer than b, c and d, "
                 "yet its result still comes first. Results follow the arguments, whatever the order of completion: put "
                 "each back at its index, or use gather.")
        fail("order", f"应返回 ['a', 'b', 'c', 'd']，实际为 {run.result!r}。", f"Expected ['a', 'b', 'c', 'd'], got {run.result!r}.")


@test("limit", zh="6 个 1 秒的协程、limit=2：同时最多 2 个，约 3 秒", en="Six 1 s coroutines with limit=2: at most 2 at once, about 3 s", weight=2)
def limit(t):
    run = call(t, 2, [work(str(index), 1) for index in range(6)])
    check_limit(t, run, 2, 6)
    t.about(run, 3, sequential=6)


@test("sliding-window", zh="一个结束下一个立刻开始：a3 b1 c1 d1、limit=2 约 3 秒（分批要 4 秒）", en="The next one starts as soon as one ends: a3 b1 c1 d1 with limit=2 take about 3 s (4 s in batches)", weight=2)
def sliding_window(t):
    for limit, delays in ((2, [3, 1, 1, 1]), (3, [2, 1, 3, 1, 1, 2, 1])):
        specs = [work(chr(ord("a") + index), delay) for index, delay in enumerate(delays)]
        run = call(t, limit, specs)
        check_limit(t, run, limit, len(delays))
        expected, batches = sliding_window_seconds(limit, delays), batches_seconds(limit, delays)
        shown = " ".join(f"{name}{delay:g}" for name, delay, _ in specs)
        if abs(run.elapsed - batches) <= 0.01:
            fail("timing",
                 f"{shown}、limit={limit} 用了 {run.elapsed:g} 秒，正是“分批”的时间：每批 {limit} 个要等其中最慢的结束才开始下一批。"
                 f"滑动窗口只要 {expected:g} 秒：一个结束，空出的名额立刻给下一个协程。",
                 f"{shown} with limit={limit} took {run.elapsed:g} s, exactly the time of batches, where each batch of "
                 f"{limit} waits for its slowest member before the next starts. A sliding window takes {expected:g} s: "
                 "when one ends, its slot goes to the next coroutine at once.")
        if run.result is None or list(run.result) != [name for name, _, _ in specs]:
            fail("order", f"应返回 {[name for name, _, _ in specs]!r}（参数顺序），实际为 {run.result!r}。",
                 f"Expected {[name for name, _, _ in specs]!r} (argument order), got {run.result!r}.")
        t.about(run, expected, sequential=sum(delays))


@test("exceptions-in-place", zh="出错的协程在它的位置返回异常对象，其余照常完成", en="A failing coroutine gives its exception object in its place; the others complete", weight=2)
def exceptions_in_place(t):
    run = call(t, 2, [work("a", 1), work("b", 0.5, error=True), work("c", 1)])
    check_limit(t, run, 2, 3)
    result = list(run.result or [])
    if len(result) != 3 or result[0] != "a" or not isinstance(result[1], ValueError) or result[2] != "c":
        fail("output", f"应返回 ['a', ValueError('b'), 'c']，实际为 {run.result!r}。", f"Expected ['a', ValueError('b'), 'c'], got {run.result!r}.")
    t.about(run, 1.5)
