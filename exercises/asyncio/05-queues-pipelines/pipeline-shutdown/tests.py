from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def urls(count, bad=()):
    return [f"https://example.com/{'bad' if index in bad else 'page'}/{index}" for index in range(count)]


def expected(items):
    return ["error" if "bad" in url else f"page:{url}" for url in items]


@test("results-in-order", zh="结果与 urls 顺序一致", en="Results are in the order of urls")
def results_in_order(t):
    items = urls(6)
    run = t.measure(t.function("run_pipeline", coroutine=True), items, 3)
    if run.result != expected(items):
        fail("order", f"结果应为 {expected(items)!r}，实际为 {run.result!r}。用下标把每个结果写回它的位置。",
             f"Expected {expected(items)!r}, got {run.result!r}. Store each result at its URL's index.")


@test("three-workers", zh="9 个 URL、3 个消费者：约 3 秒，同时最多 3 个下载", en="9 URLs with 3 consumers: about 3 s, at most 3 downloads at once", weight=2)
def three_workers(t):
    run = t.measure(t.function("run_pipeline", coroutine=True), urls(9), 3)
    t.no_blocking(run)
    t.about(run, 3, sequential=9)
    t.max_in_flight(run, 3)


@test("workers-argument", zh="workers=5 时 10 个 URL 约 2 秒", en="With workers=5, 10 URLs take about 2 s")
def workers_argument(t):
    run = t.measure(t.function("run_pipeline", coroutine=True), urls(10), 5)
    t.about(run, 2, sequential=10)
    t.max_in_flight(run, 5)


@test("errors-do-not-stall", zh="出错的下载记为 'error'，流水线不会卡住", en="A failing download becomes 'error' and does not stall the pipeline", weight=2)
def errors_do_not_stall(t):
    items = urls(6, bad={1, 4})
    run = t.measure(t.function("run_pipeline", coroutine=True), items, 3)
    if run.result != expected(items):
        fail("output", f"结果应为 {expected(items)!r}，实际为 {run.result!r}。download 抛异常时要记 'error' 并继续。",
             f"Expected {expected(items)!r}, got {run.result!r}. When download raises, store 'error' and carry on.")
    t.about(run, 2, sequential=6)


@test("clean-shutdown", zh="返回时所有消费者都已结束：没有任务挂着，没有死锁", en="All consumers have ended when it returns: no pending task, no deadlock", weight=2)
def clean_shutdown(t):
    t.function("run_pipeline", coroutine=True)
    run = t.measure(t.scenario("pipeline_then_look"), urls(7), 3)
    result, pending = run.result
    if pending:
        fail("never-awaited", f"run_pipeline 返回时这些任务还挂着：{', '.join(pending)}。join() 之后给每个消费者一个哨兵（或 cancel 它们），再等它们结束。",
             f"These tasks were still pending when run_pipeline returned: {', '.join(pending)}. After join(), give every consumer a sentinel (or cancel them), then wait for them to end.")
    t.all_awaited(run)
