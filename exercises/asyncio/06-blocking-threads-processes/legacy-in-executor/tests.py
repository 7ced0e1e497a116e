from awaitable.testing import Failure, test

NAMES = ["a", "b", "c", "d", "e", "f"]


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def peak_jobs(run):
    """The most executor jobs / threads running at one instant."""
    spans = [(entry["started"], entry["ended"] if entry["ended"] is not None else float("inf"))
             for entry in run.trace.get("threads", [])]
    points = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    peak = current = 0
    for _, delta in points:
        current += delta
        peak = max(peak, current)
    return peak


@test("reports", zh="按 names 顺序返回报表", en="Returns the reports in the order of names")
def reports(t):
    run = t.measure(t.function("build_reports", coroutine=True), NAMES)
    expected = [f"report:{name}" for name in NAMES]
    if run.result != expected:
        fail("output", f"应返回 {expected!r}，实际为 {run.result!r}。", f"Expected {expected!r}, got {run.result!r}.")


@test("loop-stays-free", zh="渲染期间事件循环不被阻塞：心跳照常每 0.5 秒一次", en="The event loop is never blocked while rendering: a heartbeat keeps ticking every 0.5 s", weight=2)
def loop_stays_free(t):
    t.function("build_reports", coroutine=True)
    run = t.measure(t.scenario("with_heartbeat"), ["a", "b", "c"])
    t.no_blocking(run)
    _, ticks = run.result
    if len(ticks) < 3:
        fail("blocking-call", f"2 秒的渲染期间心跳只跳了 {len(ticks)} 次（应为 4 次左右）：事件循环被卡住了。",
             f"The heartbeat ticked only {len(ticks)} times during 2 s of rendering (about 4 expected): the event loop was stuck.")


@test("at-most-three", zh="同一时刻最多 3 个线程在渲染", en="At most 3 threads render at the same time", weight=2)
def at_most_three(t):
    run = t.measure(t.function("build_reports", coroutine=True), NAMES)
    peak = peak_jobs(run)
    if peak > 3:
        fail("unbounded-concurrency", f"同一时刻有 {peak} 个报表在渲染，上限是 3。默认线程池（asyncio.to_thread、run_in_executor(None, …)）的大小取决于机器；请用 ThreadPoolExecutor(max_workers=3)。",
             f"{peak} reports were rendering at the same moment; the limit is 3. The default pool (asyncio.to_thread, run_in_executor(None, …)) is sized by the machine; use ThreadPoolExecutor(max_workers=3).")
    if peak == 0:
        fail("blocking-call", "没有任何函数在线程池里执行：render_report 要交给 run_in_executor。",
             "Nothing ran in a thread pool: hand render_report to run_in_executor.")


@test("four-seconds", zh="6 份报表、3 个线程：约 4 秒，不是 12 秒", en="6 reports on 3 threads: about 4 s, not 12 s", weight=2)
def four_seconds(t):
    run = t.measure(t.function("build_reports", coroutine=True), NAMES)
    t.about(run, 4, sequential=12)
