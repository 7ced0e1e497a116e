from awaitable.testing import Failure, test

# Uneven downloads for the "uneven" scenario (the given download takes 1 s for every URL).
# With 3 consumers each free consumer takes the next URL at once: done at 5 s (12 s one by
# one), and the downloads end in another order than the URLs'.
UNEVEN = [3, 1, 1, 2, 1, 0.5, 0.5, 2, 1]


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def urls(count, bad=()):
    return [f"https://example.com/{'bad' if index in bad else 'page'}/{index}" for index in range(count)]


def expected(items):
    return ["error" if "bad" in url else f"page:{url}" for url in items]


def check_result(result, items):
    if result != expected(items):
        fail("output", f"结果应为 {expected(items)!r}，实际为 {result!r}。每个 URL 的结果写回它的下标位置，出错的写 'error'。",
             f"Expected {expected(items)!r}, got {result!r}. Store each URL's result at its index, 'error' for a failed one.")


def check_peak(run, workers):
    """No more downloads at once than consumers (asked before any timing)."""
    if run.peak_in_flight > workers:
        fail("unbounded-concurrency", f"workers={workers}，但运行记录显示同一时刻有 {run.peak_in_flight} 个下载在进行："
             f"应该正好启动 {workers} 个消费者任务，每个消费者一次只下载一个 URL。",
             f"workers={workers}, but the trace shows {run.peak_in_flight} downloads in flight at once: start exactly "
             f"{workers} consumer tasks, each downloading one URL at a time.")


def check_consumers(run, workers, expected_seconds):
    """Too slow with fewer tasks downloading than consumers asked for (as the trace shows it)."""
    downloading = {event["task"] for event in run.events if event["kind"] == "suspend" and event.get("category") == "sleep"}
    if run.elapsed > expected_seconds + 0.01 and len(downloading) < workers:
        fail("sequential", f"测得 {run.elapsed:g} 秒（期望约 {expected_seconds:g} 秒）：运行记录显示只有 {len(downloading)} 个任务下载过 URL，"
             f"同一时刻最多 {run.peak_in_flight} 个下载，而 workers={workers}。按 workers 参数启动那么多个消费者任务。",
             f"Measured {run.elapsed:g} s (about {expected_seconds:g} s expected): the trace shows only {len(downloading)} task(s) downloading, "
             f"at most {run.peak_in_flight} download(s) at once, while workers={workers}. Start as many consumer tasks as the workers argument says.")


def ended_early(run):
    """The tasks (other than the one under test) that ended at 0 s, before any download could finish."""
    return sorted(task["coroutine"] for task in run.tasks
                  if task["parent"] is not None and task["ended"] is not None and task["ended"] < 0.001)


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
    check_peak(run, 3)
    check_consumers(run, 3, 3)
    t.about(run, 3, sequential=9)


@test("workers-argument", zh="workers=5 时 10 个 URL 约 2 秒", en="With workers=5, 10 URLs take about 2 s")
def workers_argument(t):
    run = t.measure(t.function("run_pipeline", coroutine=True), urls(10), 5)
    check_peak(run, 5)
    check_consumers(run, 5, 2)
    t.about(run, 2, sequential=10)


@test("more-than-maxsize", zh="25 个 URL（比队列的 maxsize=10 多）：不死锁，队列满时生产者等待，约 9 秒", en="25 URLs (more than the queue's maxsize=10): no deadlock, the producer waits while the queue is full, about 9 s", weight=2)
def more_than_maxsize(t):
    items = urls(25)
    run = t.measure(t.function("run_pipeline", coroutine=True), items, 3)
    check_result(run.result, items)
    check_peak(run, 3)
    if not any(event["kind"] == "suspend" and event.get("on") == "Queue.put" for event in run.events):
        fail("unbounded-queue", "25 个 URL 放进 maxsize=10 的队列时，队列满了生产者就得在 queue.put() 上等消费者取走元素；"
             "运行记录里没有任何任务在 queue.put() 上等过：这个队列没有上限。按题目写 asyncio.Queue(maxsize=10)。",
             "Putting 25 URLs into a queue of maxsize=10, the producer must wait in queue.put() whenever the queue is full, until a "
             "consumer takes an item; the trace shows no task ever waiting in queue.put(): the queue is unbounded. "
             "Create it as the exercise says: asyncio.Queue(maxsize=10).")
    t.about(run, 9, sequential=25)


@test("many-workers", zh="workers=12（比 maxsize=10 多）时 24 个 URL 约 2 秒：队列暂时空了，消费者也不能停", en="With workers=12 (more than maxsize=10), 24 URLs take about 2 s: a consumer must not stop when the queue is empty for a moment")
def many_workers(t):
    items = urls(24)
    run = t.measure(t.function("run_pipeline", coroutine=True), items, 12)
    check_result(run.result, items)
    check_peak(run, 12)
    early = ended_early(run)
    if run.elapsed > 2 + 0.01 and early:
        fail("consumer-stops-early", f"测得 {run.elapsed:g} 秒（期望约 2 秒），同一时刻最多 {run.peak_in_flight} 个下载：运行记录显示 "
             f"{len(early)} 个任务（{', '.join(early)}）在 0 秒就结束了，那时还一个下载都没完成，生产者也还在往队列里放 URL。"
             "启动时队列可能暂时是空的（12 个消费者，队列最多只有 10 个元素）：消费者要一直在 await queue.get() 上等，"
             "直到拿到自己的哨兵（或被 cancel），不能因为 queue.empty() 就退出。",
             f"Measured {run.elapsed:g} s (about 2 s expected), with at most {run.peak_in_flight} downloads at once: the trace shows "
             f"{len(early)} tasks ({', '.join(early)}) ending at 0 s, before any download had finished and while the producer was "
             "still putting URLs. At the start the queue can be empty for a moment (12 consumers, at most 10 items in the queue): "
             "a consumer must keep waiting in await queue.get() until it gets its sentinel (or is cancelled), not stop because queue.empty().")
    t.about(run, 2, sequential=24)


@test("uneven-downloads", zh="下载耗时不一（0.5～3 秒）：结果仍按 urls 顺序，空闲的消费者马上取下一个，约 5 秒", en="Downloads of different lengths (0.5–3 s): results still in the order of urls, a free consumer takes the next URL at once, about 5 s", weight=2)
def uneven_downloads(t):
    t.function("run_pipeline", coroutine=True)
    items = urls(len(UNEVEN))
    run = t.measure(t.scenario("uneven"), items, 3, dict(zip(items, UNEVEN)))
    result, finished = run.result
    if result != expected(items) and result == expected(finished):
        fail("order", f"返回的是 {result!r}：这正是各个下载完成的先后顺序。每个下载耗时一样时看不出来；"
             "结果要按 urls 的顺序：消费者取到 (下标, url)，把结果写进 results[下标]，而不是 append。",
             f"It returned {result!r}: exactly the order in which the downloads finished (equal download times hide it). The "
             "results go in the order of urls: a consumer takes (index, url) and stores the result in results[index], not append.")
    check_result(result, items)
    check_peak(run, 3)
    t.about(run, 5, sequential=sum(UNEVEN))


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
    cancelled = [name for name, cancelling in pending if cancelling]
    if cancelled:
        fail("cancel-not-awaited", f"run_pipeline 返回时，这些已经被 cancel() 的任务还没有结束：{', '.join(cancelled)}。"
             "cancel() 只是请求取消，任务要等下一次运行才真正结束：cancel 之后还要 await asyncio.gather(*consumers, return_exceptions=True)。",
             f"When run_pipeline returned, these tasks had been cancel()ed but had not ended yet: {', '.join(cancelled)}. "
             "cancel() only asks; a task ends when it next runs: after cancelling, await asyncio.gather(*consumers, return_exceptions=True).")
    if pending:
        names = ", ".join(name for name, _ in pending)
        fail("never-awaited", f"run_pipeline 返回时这些任务还挂着：{names}。join() 之后给每个消费者一个哨兵（或 cancel 它们），再等它们结束。",
             f"These tasks were still pending when run_pipeline returned: {names}. After join(), give every consumer a sentinel (or cancel them), then wait for them to end.")
    t.all_awaited(run)
    check_result(result, urls(7))
