from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def work(name, delay, error=False):
    """The spec of one coroutine: scenarios.py makes it sleep ``delay`` s, then return ``name`` or raise ValueError(name)."""
    return [name, delay, error]


def call(t, limit, specs):
    t.function("gather_limited", coroutine=True)
    return t.measure(t.scenario("gather_work"), limit, specs)


@test("order", zh="结果按参数顺序返回", en="Results come back in argument order")
def order(t):
    run = call(t, 2, [work("a", 3), work("b", 1), work("c", 1), work("d", 1)])
    if run.result is None or list(run.result) != ["a", "b", "c", "d"]:
        fail("order", f"应返回 ['a', 'b', 'c', 'd']，实际为 {run.result!r}。", f"Expected ['a', 'b', 'c', 'd'], got {run.result!r}.")


@test("limit", zh="6 个 1 秒的协程、limit=2：同时最多 2 个，约 3 秒", en="Six 1 s coroutines with limit=2: at most 2 at once, about 3 s", weight=2)
def limit(t):
    run = call(t, 2, [work(str(index), 1) for index in range(6)])
    t.max_in_flight(run, 2)
    t.min_in_flight(run, 2)
    t.about(run, 3, sequential=6)


@test("sliding-window", zh="一个结束下一个立刻开始：a3 b1 c1 d1、limit=2 约 3 秒（分批要 4 秒）", en="The next one starts as soon as one ends: a3 b1 c1 d1 with limit=2 take about 3 s (4 s in batches)", weight=2)
def sliding_window(t):
    run = call(t, 2, [work("a", 3), work("b", 1), work("c", 1), work("d", 1)])
    t.max_in_flight(run, 2)
    if abs(run.elapsed - 4) <= 0.01:
        fail("timing", "用了 4 秒：这是“分批”的时间——每批要等最慢的 a（3 秒）结束才开始下一批。用信号量让空出的名额立刻被下一个协程使用。",
             "It took 4 s: the time of batches, where each batch waits for its slowest member (a, 3 s) before the next starts. Use a semaphore so a freed slot is taken by the next coroutine at once.")
    t.about(run, 3, sequential=6)


@test("exceptions-in-place", zh="出错的协程在它的位置返回异常对象，其余照常完成", en="A failing coroutine gives its exception object in its place; the others complete", weight=2)
def exceptions_in_place(t):
    run = call(t, 2, [work("a", 1), work("b", 0.5, error=True), work("c", 1)])
    result = list(run.result or [])
    if len(result) != 3 or result[0] != "a" or not isinstance(result[1], ValueError) or result[2] != "c":
        fail("output", f"应返回 ['a', ValueError('b'), 'c']，实际为 {run.result!r}。", f"Expected ['a', ValueError('b'), 'c'], got {run.result!r}.")
    t.about(run, 1.5)
