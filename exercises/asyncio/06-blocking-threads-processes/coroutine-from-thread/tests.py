from awaitable.testing import Failure, StudentObject, test

# Uneven saves: finishing order (cde, ghij, f, ab) differs from the order of items.
ITEMS = ["ab", "cde", "f", "ghij"]
LATENCIES = {"ab": 0.9, "cde": 0.2, "f": 0.6, "ghij": 0.4}


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def futures_in(results):
    """The entries of results that are futures (a concurrent.futures.Future handed back instead of its result)."""
    if not isinstance(results, (list, tuple)):
        return []
    return [entry for entry in results if isinstance(entry, StudentObject) and entry.type in ("Future", "Task")]


def returned_futures(results):
    if futures_in(results):
        fail("missing-await", f"legacy_worker 返回的是 {results!r}：run_coroutine_threadsafe 给的是 Future，不是结果。对每个 Future 调用 .result() 取出 save 的返回值。",
             f"legacy_worker returned {results!r}: run_coroutine_threadsafe gives a Future, not the result. Call .result() on each Future to get what save returned.")


def one_save_at_a_time(run, sequential):
    """The saves ran one after another: the run took their sum with at most one in flight."""
    if run.peak_in_flight <= 1 and abs(run.elapsed - sequential) <= 0.02:
        fail("sequential", f"测得 {run.elapsed:g} 秒，等于各次 save 之和（{sequential:g} 秒）：运行记录显示任何时刻最多只有 1 个 save 在进行。"
             "每个 save 都在前一个完成后才开始，线程等完一个才提交下一个（例如每次提交后立刻 .result()）：先把所有 save 都提交，再逐个 .result()。",
             f"Measured {run.elapsed:g} s, the sum of the saves ({sequential:g} s): the trace shows at most 1 save in flight at any moment. "
             "Each save started only after the one before had finished, so the thread waited for one before submitting the next (e.g. .result() right after each submission): submit every save first, then call .result() on each.")


def thread_error(stderr):
    """The last line of an exception a thread printed (threading's excepthook), or ''."""
    if "Exception in thread" not in stderr:
        return ""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


@test("threadsafe-results", zh="main(['ab','cde','f']) 返回 ([2, 3, 1], 三个元素都已保存)", en="main(['ab','cde','f']) returns ([2, 3, 1], all three items saved)")
def threadsafe_results(t):
    run = t.measure(t.function("main", coroutine=True), ["ab", "cde", "f"])
    if run.result is None:
        fail("missing-return", "main 返回了 None。", "main returned None.")
    shaped = isinstance(run.result, (list, tuple)) and len(run.result) == 2
    results, store = run.result if shaped else (None, None)
    returned_futures(results)
    if results != [2, 3, 1] or not isinstance(store, (list, tuple)) or sorted(store, key=repr) != ["ab", "cde", "f"]:
        fail("output", f"应返回 ([2, 3, 1], 包含 'ab'、'cde'、'f' 的列表)，实际为 {run.result!r}。legacy_worker 要按 items 顺序返回每个 save 的结果。",
             f"Expected ([2, 3, 1], a list holding 'ab', 'cde', 'f'), got {run.result!r}. legacy_worker must return each save's result in the order of items.")


@test("on-main-loop", zh="save 在主线程的事件循环上运行", en="save runs on the main thread's event loop", weight=2)
def on_main_loop(t):
    t.function("legacy_worker")
    run = t.measure(t.scenario("on_main_loop"), ["ab", "c"])
    results, seen, _ = run.result
    if not seen:
        fail("not-a-task", "测试传给 legacy_worker 的 save 参数一次也没有被调用：对每个 item，用 asyncio.run_coroutine_threadsafe(save(item, store), loop) 提交参数里的 save 和 loop（测试会传入自己的）。",
             "The save that the test passed to legacy_worker was never called: for every item submit the save and loop you were given (the tests pass their own) with asyncio.run_coroutine_threadsafe(save(item, store), loop).")
    if not all(seen):
        fail("not-a-task", f"save 被调用了 {len(seen)} 次，其中 {seen.count(False)} 次不在主线程的循环上：工作线程里的 asyncio.run / new_event_loop 会新建一个循环。请用 asyncio.run_coroutine_threadsafe(coro, loop)。",
             f"save ran {len(seen)} times, {seen.count(False)} of them not on the main thread's loop: asyncio.run / new_event_loop in the worker thread creates a new loop. Use asyncio.run_coroutine_threadsafe(coro, loop).")
    returned_futures(results)
    if results != [2, 1]:
        fail("output", f"legacy_worker 应返回 [2, 1]，实际为 {results!r}。", f"legacy_worker should return [2, 1], got {results!r}.")


@test("items-order", zh="各次 save 耗时不同时，结果仍按 items 的顺序，总耗时约等于最慢的一次", en="With saves of different durations the results still follow items, and the whole takes about the slowest save", weight=2)
def items_order(t):
    t.function("legacy_worker")
    run = t.measure(t.scenario("on_main_loop"), ITEMS, LATENCIES)
    results, seen, finished = run.result
    expected = [len(item) for item in ITEMS]
    returned_futures(results)
    completion = [len(item) for item in finished]
    if results != expected and results == completion and len(finished) == len(ITEMS):
        fail("order", f"save 的耗时各不相同（{LATENCIES!r}），legacy_worker 返回了 {results!r}：这是各次 save 完成的先后顺序，不是 items 的顺序 {expected!r}。"
             "按提交的顺序对每个 Future 调用 .result()（concurrent.futures.as_completed 给出的是完成顺序）。",
             f"The saves take different times ({LATENCIES!r}) and legacy_worker returned {results!r}: the order in which the saves finished, "
             f"not the order of items {expected!r}. Call .result() on the Futures in the order you submitted them (concurrent.futures.as_completed yields them as they finish).")
    if results != expected:
        fail("output", f"items 为 {ITEMS!r} 时 legacy_worker 应返回 {expected!r}，实际为 {results!r}。",
             f"For items {ITEMS!r} legacy_worker should return {expected!r}, got {results!r}.")
    one_save_at_a_time(run, sum(LATENCIES.values()))
    t.about(run, max(LATENCIES.values()), sequential=sum(LATENCIES.values()))


@test("submit-then-wait", zh="先全部提交再等待：3 次保存约 0.5 秒，不是 1.5 秒", en="Submit all, then wait: 3 saves take about 0.5 s, not 1.5 s", weight=2)
def submit_then_wait(t):
    run = t.measure(t.function("main", coroutine=True), ["ab", "cde", "f"])
    t.no_blocking(run)
    one_save_at_a_time(run, 1.5)
    t.about(run, 0.5, sequential=1.5)


@test("fresh-thread", zh="run_in_fresh_thread(['a','b']) 在新线程的自己的循环里运行，返回 ['A','B']", en="run_in_fresh_thread(['a','b']) runs on a new thread's own loop and returns ['A','B']", weight=2)
def fresh_thread(t):
    t.function("run_in_fresh_thread")
    run = t.measure(t.scenario("fresh_thread"), ["a", "b"])
    result, alive = run.result
    threads = [entry for entry in run.trace.get("threads", []) if entry["kind"] == "thread"]
    if result != ["A", "B"]:
        if alive:
            fail("thread-not-joined", f"run_in_fresh_thread 返回了 {result!r}，而它启动的线程 {', '.join(alive)} 那时还在运行：结果还没算出来。返回前先 thread.join()，再读线程存下的结果。",
                 f"run_in_fresh_thread returned {result!r} while the thread it started ({', '.join(alive)}) was still running: the result was not there yet. "
                 "Call thread.join() before reading the result the thread stored.")
        error = thread_error(run.stderr)
        if error:
            fail("exception", f"线程里抛出了异常：{error}（完整的 traceback 见标准错误输出），run_in_fresh_thread 返回了 {result!r}。"
                 "新线程没有事件循环：在线程的目标函数里用 asyncio.run(shout_all(items)) 给它一个。",
                 f"The thread raised: {error} (the whole traceback is on standard error), and run_in_fresh_thread returned {result!r}. "
                 "A new thread has no event loop: give it one with asyncio.run(shout_all(items)) in the thread's target.")
        if result is None:
            fail("missing-return", "run_in_fresh_thread 返回了 None：线程的目标函数要把 asyncio.run(shout_all(items)) 的结果存起来（列表或字典），join 之后返回它。",
                 "run_in_fresh_thread returned None: the thread's target must store the result of asyncio.run(shout_all(items)) (in a list or dict) and you return it after join.")
        fail("output", f"应返回 ['A', 'B']，实际为 {result!r}。", f"Expected ['A', 'B'], got {result!r}.")
    if not threads:
        fail("no-thread", "结果对了，但没有启动任何线程：这一部分要求在一个新的 threading.Thread 里、用它自己的事件循环运行协程。",
             "The result is right but no thread was started: this part asks you to run the coroutine in a new threading.Thread, on that thread's own event loop.")
    t.about(run, 0.5)
