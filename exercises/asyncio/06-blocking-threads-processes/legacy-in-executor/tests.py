from awaitable.testing import Failure, test

NAMES = ["a", "b", "c", "d", "e", "f"]
# Uneven renders for the "uneven" scenario. On a pool of 3 threads a free thread takes the
# next name at once: a, b, c at 0 s; d when b ends (1 s); e, f when c and d end (2 s); f ends
# at 4 s. Fixed batches of 3 take 3 + 2 = 5 s, one by one 10 s, all at once 3 s; the renders
# end in the order b, c, d, a, e, f, not the order of names.
LATENCIES = {"a": 3, "b": 1, "c": 2, "d": 1, "e": 1, "f": 2}


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


def idle_thread(calls, threads=3):
    """(instant, reports rendering then, reports not started yet) for the first moment a
    render ended with fewer than `threads` still rendering while some name had not started."""
    for _, _, _, ended in sorted(calls, key=lambda call: call[3]):
        running = sum(1 for _, _, start, end in calls if start <= ended + 1e-6 and end > ended + 1e-6)
        waiting = sum(1 for _, _, start, _ in calls if start > ended + 1e-6)
        if running < threads and waiting:
            return ended, running, waiting
    return None


def started_in_batches(calls):
    """[(start, size)] when the renders started in groups, each group only after every
    render of the one before had ended; else []."""
    starts = sorted({round(call[2], 6) for call in calls})
    groups = [(start, [call for call in calls if round(call[2], 6) == start]) for start in starts]
    if len(groups) < 2:
        return []
    for (_, before), (start, _) in zip(groups, groups[1:]):
        if any(call[3] > start + 1e-6 for call in before):
            return []
    return [(start, len(group)) for start, group in groups]


def check_pools(run):
    """Several pools, or one pool of another size than 3, as the trace shows them."""
    pools = run.pools
    if len(pools) > 1:
        jobs = "、".join(str(pool["jobs"]) for pool in pools)
        fail("pool-per-call", f"运行记录显示这次运行用了 {len(pools)} 个线程池（各自运行了 {jobs} 个任务），同时渲染的报表最多有 {peak_jobs(run)} 份。"
             "max_workers=3 只限制它自己那个线程池：每次调用都新建一个线程池，就等于没有上限。"
             "在 build_reports 里只建一个 ThreadPoolExecutor(max_workers=3)，把所有名字都交给它。",
             f"The trace shows {len(pools)} thread pools in this run (running {', '.join(str(pool['jobs']) for pool in pools)} jobs each), "
             f"with up to {peak_jobs(run)} reports rendering at once. max_workers=3 caps only its own pool: a new pool per call "
             "is no limit at all. Create one ThreadPoolExecutor(max_workers=3) in build_reports and hand every name to it.")
    if pools and pools[0]["workers"] != 3:
        workers = pools[0]["workers"]
        default_zh = "（这正是默认线程池在这里的大小：asyncio.to_thread 和 run_in_executor(None, …) 用的就是它）" if workers == 8 else ""
        default_en = " (the size of the default pool here, which asyncio.to_thread and run_in_executor(None, …) use)" if workers == 8 else ""
        fail("unbounded-concurrency" if peak_jobs(run) > 3 else "default-pool",
             f"运行记录显示所有报表都在一个 {workers} 个线程的线程池里渲染{default_zh}，同时渲染的报表最多有 {peak_jobs(run)} 份。"
             "题目要求自己建一个 concurrent.futures.ThreadPoolExecutor(max_workers=3)，用 loop.run_in_executor(pool, render_report, name) 交给它。",
             f"The trace shows every report rendered in one pool of {workers} threads{default_en}, with up to {peak_jobs(run)} at once. "
             "The exercise asks for your own concurrent.futures.ThreadPoolExecutor(max_workers=3), used through "
             "loop.run_in_executor(pool, render_report, name).")


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


@test("at-most-three", zh="同一时刻最多 3 个线程在渲染，用的是自己建的 3 线程线程池", en="At most 3 threads render at the same time, in a pool of 3 threads of your own", weight=2)
def at_most_three(t):
    run = t.measure(t.function("build_reports", coroutine=True), NAMES)
    peak = peak_jobs(run)
    if peak == 0:
        t.no_blocking(run)
        fail("blocking-call", "没有任何函数在线程池里执行：render_report 要交给 run_in_executor。",
             "Nothing ran in a thread pool: hand render_report to run_in_executor.")
    check_pools(run)
    if peak > 3:
        fail("unbounded-concurrency", f"运行记录显示同一时刻有 {peak} 份报表在渲染，上限是 3。",
             f"The trace shows {peak} reports rendering at the same moment; the limit is 3.")


@test("four-seconds", zh="6 份报表、3 个线程：约 4 秒，不是 12 秒", en="6 reports on 3 threads: about 4 s, not 12 s", weight=2)
def four_seconds(t):
    run = t.measure(t.function("build_reports", coroutine=True), NAMES)
    t.about(run, 4, sequential=12)


@test("uneven-reports", zh="报表耗时不一（1～3 秒）：每个名字渲染一次，按 names 顺序返回；线程一空出来就渲染下一份，约 4 秒", en="Reports of different lengths (1–3 s): each name rendered once, returned in the order of names; a free thread takes the next name at once, about 4 s", weight=2)
def uneven_reports(t):
    t.function("build_reports", coroutine=True)
    run = t.measure(t.scenario("uneven"), NAMES, LATENCIES)
    t.all_awaited(run)
    result, calls = run.result
    counts = {name: sum(1 for call in calls if call[0] == name) for name in NAMES}
    if any(count != 1 for count in counts.values()):
        fail("calls", f"每个名字应只调用一次 render_report，实际调用次数：{counts!r}。",
             f"render_report should be called once per name; the calls counted: {counts!r}.")
    expected = [f"report:{name}" for name in NAMES]
    finished = [f"report:{call[0]}" for call in sorted(calls, key=lambda call: call[3])]
    if result != expected:
        if result == finished:
            fail("order", f"返回的是 {result!r}：这正是各份报表渲染完成的先后顺序。结果要按 names 的顺序排列"
                 "（asyncio.gather 按传入顺序返回；用 as_completed 时要按下标放回原位）。",
                 f"It returned {result!r}: exactly the order in which the renders finished. The results go in the order of names "
                 "(asyncio.gather returns them in the order it was given; with as_completed, put each back at its index).")
        fail("output", f"应返回 {expected!r}，实际为 {result!r}。", f"Expected {expected!r}, got {result!r}.")
    if peak_jobs(run):
        check_pools(run)
    gap = idle_thread(calls)
    if run.elapsed > 4 + 0.01 and gap is not None and peak_jobs(run) > 1:
        at, running, waiting = gap
        batches = started_in_batches(calls)
        why_zh = (f"报表是一批一批开始的（{'、'.join(f'{start:g} 秒 {size} 份' for start, size in batches)}），"
                  "每批都要等这一批里最慢的那份渲染完，下一批才开始。") if batches else ""
        why_en = (f"The renders started in batches ({', '.join(f'{size} at {start:g} s' for start, size in batches)}), "
                  "each batch waiting for its slowest render before the next began. ") if batches else ""
        fail("batches" if batches else "idle-thread",
             f"测得 {run.elapsed:g} 秒（期望约 4 秒）：运行记录显示，{at:g} 秒时只有 {running} 份报表在渲染，"
             f"而还有 {waiting} 份没开始——有线程空着却没有接下一份。{why_zh}"
             "把所有名字一次交给 3 线程的线程池（run_in_executor 全部提交，再 gather），空出来的线程会马上接下一份。",
             f"Measured {run.elapsed:g} s (about 4 s expected): the trace shows that at {at:g} s only {running} reports were rendering "
             f"while {waiting} had not started: a thread sat free instead of taking the next name. {why_en}"
             "Hand every name to the pool of 3 threads at once (submit every run_in_executor, then gather): a free thread takes the next name straight away.")
    t.about(run, 4, sequential=sum(LATENCIES.values()))
    if peak_jobs(run) > 3:
        fail("unbounded-concurrency", f"运行记录显示同一时刻有 {peak_jobs(run)} 份报表在渲染，上限是 3。",
             f"The trace shows {peak_jobs(run)} reports rendering at the same moment; the limit is 3.")
