from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


@test("threadsafe-results", zh="main(['ab','cde','f']) 返回 ([2, 3, 1], 三个元素都已保存)", en="main(['ab','cde','f']) returns ([2, 3, 1], all three items saved)")
def threadsafe_results(t):
    run = t.measure(t.function("main", coroutine=True), ["ab", "cde", "f"])
    if run.result is None:
        fail("missing-return", "main 返回了 None。", "main returned None.")
    shaped = isinstance(run.result, (list, tuple)) and len(run.result) == 2
    results, store = run.result if shaped else (None, None)
    if results != [2, 3, 1] or not isinstance(store, (list, tuple)) or sorted(store, key=repr) != ["ab", "cde", "f"]:
        fail("output", f"应返回 ([2, 3, 1], 包含 'ab'、'cde'、'f' 的列表)，实际为 {run.result!r}。legacy_worker 要按 items 顺序返回每个 save 的结果。",
             f"Expected ([2, 3, 1], a list holding 'ab', 'cde', 'f'), got {run.result!r}. legacy_worker must return each save's result in the order of items.")


@test("on-main-loop", zh="save 在主线程的事件循环上运行", en="save runs on the main thread's event loop", weight=2)
def on_main_loop(t):
    t.function("legacy_worker")
    run = t.measure(t.scenario("on_main_loop"), ["ab", "c"])
    results, seen = run.result
    if not seen:
        fail("not-a-task", "legacy_worker 一次也没有运行 save：对每个 item 用 asyncio.run_coroutine_threadsafe(save(item, store), loop) 提交。",
             "legacy_worker never ran save: submit save(item, store) for every item with asyncio.run_coroutine_threadsafe(..., loop).")
    if not all(seen):
        fail("not-a-task", f"save 被调用了 {len(seen)} 次，其中 {seen.count(False)} 次不在主线程的循环上：工作线程里的 asyncio.run / new_event_loop 会新建一个循环。请用 asyncio.run_coroutine_threadsafe(coro, loop)。",
             f"save ran {len(seen)} times, {seen.count(False)} of them not on the main thread's loop: asyncio.run / new_event_loop in the worker thread creates a new loop. Use asyncio.run_coroutine_threadsafe(coro, loop).")
    if results != [2, 1]:
        fail("output", f"legacy_worker 应返回 [2, 1]，实际为 {results!r}。", f"legacy_worker should return [2, 1], got {results!r}.")


@test("submit-then-wait", zh="先全部提交再等待：3 次保存约 0.5 秒，不是 1.5 秒", en="Submit all, then wait: 3 saves take about 0.5 s, not 1.5 s", weight=2)
def submit_then_wait(t):
    run = t.measure(t.function("main", coroutine=True), ["ab", "cde", "f"])
    t.no_blocking(run)
    t.about(run, 0.5, sequential=1.5)


@test("fresh-thread", zh="run_in_fresh_thread(['a','b']) 在新线程的自己的循环里运行，返回 ['A','B']", en="run_in_fresh_thread(['a','b']) runs on a new thread's own loop and returns ['A','B']", weight=2)
def fresh_thread(t):
    run = t.measure(t.function("run_in_fresh_thread"), ["a", "b"])
    threads = [entry for entry in run.trace.get("threads", []) if entry["kind"] == "thread"]
    if run.result != ["A", "B"]:
        hint_zh = "（线程里抛出的异常见标准错误输出）" if run.stderr else ""
        hint_en = " (see standard error for the exception raised in the thread)" if run.stderr else ""
        fail("exception", f"应返回 ['A', 'B']，实际为 {run.result!r}{hint_zh}。在线程的目标函数里调用 asyncio.run(shout_all(items))，把结果存起来，join 之后返回。",
             f"Expected ['A', 'B'], got {run.result!r}{hint_en}. In the thread's target call asyncio.run(shout_all(items)), store the result, and return it after join.")
    if not threads:
        fail("not-a-task", "没有启动任何线程：这一部分要求在一个新的 threading.Thread 里运行协程。",
             "No thread was started: this part asks you to run the coroutine in a new threading.Thread.")
    t.about(run, 0.5)
