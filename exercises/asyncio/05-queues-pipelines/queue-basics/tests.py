from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


@test("results", zh="main(['a','b','c']) 返回 ['A','B','C']", en="main(['a','b','c']) returns ['A','B','C']")
def results(t):
    run = t.measure(t.function("main", coroutine=True), ["a", "b", "c"])
    if run.result != ["A", "B", "C"]:
        fail("output", f"应返回 ['A', 'B', 'C']，实际返回 {run.result!r}（main 在第 {run.elapsed:g} 秒返回）。每个元素都要经过 worker 处理，main 要等处理完再返回。",
             f"Expected ['A', 'B', 'C'], got {run.result!r} (main returned at {run.elapsed:g} s). Every item must go through the worker, and main must wait until it has been processed.")


@test("worker", zh="worker 逐个处理并为每个元素调用 task_done()", en="worker processes items one by one and calls task_done() for each")
def worker(t):
    t.function("worker", coroutine=True)
    run = t.measure(t.scenario("drive_worker"), ["x", "y"])
    out, status = run.result
    if status != "ok":
        fail("deadlock", f"放进 2 个元素后 queue.join() 5 秒都没返回（worker 得到 {out!r}）：worker 是否对每个元素都调用了 queue.task_done()？",
             f"With 2 items in the queue, queue.join() had not returned after 5 s (the worker produced {out!r}): does the worker call queue.task_done() for every item?")
    if isinstance(out, list) and len(out) < 2 and out == ["X", "Y"][:len(out)]:
        fail("task-done-early",
             f"放进 'x'、'y' 两个元素后，queue.join() 在第 {run.elapsed:g} 秒就返回了，这时 results 里只有 {out!r}："
             "join() 只看 task_done() 的次数，所以 task_done() 在元素处理完之前就调用了。先处理、append，最后再 task_done()。",
             f"With 'x' and 'y' in the queue, queue.join() returned at {run.elapsed:g} s while results held only {out!r}: "
             "join() counts task_done() calls only, so task_done() was called before the item's work was done. Process "
             "and append first, call task_done() last.")
    if out != ["X", "Y"]:
        fail("output", f"worker 应把 'x'、'y' 处理成 ['X', 'Y']，实际是 {out!r}。", f"The worker should turn 'x', 'y' into ['X', 'Y'], got {out!r}.")
    t.about(run, 1.0, sequential=None)


@test("keeps-waiting", zh="队列暂时空了，worker 也不退出：元素每隔 1 秒才来一个时，3 个都处理完（约 2.5 秒）",
      en="worker does not stop when the queue is empty for a while: with one item a second, all 3 are processed (about 2.5 s)",
      weight=2)
def keeps_waiting(t):
    t.function("worker", coroutine=True)
    run = t.measure(t.scenario("slow_producer"), ["p", "q", "r"], 1.0)
    state = run.result
    ended = state["ended"]
    if ended is not None:
        how = f"，抛出了 {ended['error']}" if ended["error"] else ""
        how_en = f", raising {ended['error']}" if ended["error"] else ""
        fail("stops-when-empty",
             f"worker 在第 {ended['at']:g} 秒自己结束了{how}（这时 results 是 {ended['out']!r}）。测试先在队列还空着时启动 worker，"
             "然后每隔 1 秒放进一个元素（第 0、1、2 秒），所以队列中间会暂时变空：worker 看到队列空了就退出，后面的元素就没人处理了。"
             "题目要求一个永不结束的循环：while True: item = await queue.get() …，队列空时 get() 会一直等到下一个元素到来。",
             f"worker ended by itself at {ended['at']:g} s{how_en} (results were {ended['out']!r} then). The test starts "
             "the worker while the queue is still empty, then puts one item every second (at 0, 1 and 2 s), so the queue "
             "is empty in between: a worker that quits when it sees an empty queue leaves the later items unprocessed. "
             "The prompt asks for a loop that never ends: while True: item = await queue.get() …; on an empty queue, "
             "get() waits until the next item comes.")
    if state["status"] != "ok":
        fail("deadlock",
             f"元素每隔 1 秒来一个时，放完最后一个之后过了 5 秒 queue.join() 还没返回（worker 得到 {state['out']!r}），"
             "而 worker 仍在运行：是否对每个元素都调用了 queue.task_done()？",
             f"With one item a second, queue.join() had not returned 5 s after the last put (the worker produced "
             f"{state['out']!r}) while the worker was still running: does it call queue.task_done() for every item?")
    if state["out"] != ["P", "Q", "R"]:
        fail("output",
             f"元素每隔 1 秒来一个时，worker 应把 'p'、'q'、'r' 处理成 ['P', 'Q', 'R']，queue.join() 返回时却是 {state['out']!r}。",
             f"With one item a second, the worker should turn 'p', 'q', 'r' into ['P', 'Q', 'R'], but when queue.join() "
             f"returned it was {state['out']!r}.")
    t.about(state["joined"], 2.5)


@test("waits-for-work", zh="main 用 join() 等到处理完：3 个元素约 1.5 秒", en="main waits with join() until the work is done: 3 items take about 1.5 s", weight=2)
def waits_for_work(t):
    run = t.measure(t.function("main", coroutine=True), ["a", "b", "c"])
    t.no_blocking(run)
    if run.peak_in_flight > 1:
        fail("extra-workers",
             f"3 个元素用了 {run.elapsed:g} 秒（期望约 1.5 秒）：运行记录显示同一时刻有 {run.peak_in_flight} 个元素在被处理"
             "（同时有多个 asyncio.sleep(0.5) 在进行）。题目要求只启动一个 worker，元素一个接一个地处理。",
             f"3 items took {run.elapsed:g} s (expected about 1.5 s): the trace shows {run.peak_in_flight} items being "
             "processed at once (several asyncio.sleep(0.5) in flight together). The prompt asks for one worker, "
             "processing the items one after another.")
    if run.elapsed < 1.5 - 0.01 and isinstance(run.result, list) and len(run.result) < 3:
        fail("timing",
             f"main 在第 {run.elapsed:g} 秒就返回了，这时 results 是 {run.result!r}：3 个元素里只处理完了 {len(run.result)} 个。"
             "所有元素都处理完之前，main 不能停掉 worker、也不能返回：await queue.join() 会一直等到每个元素都被 task_done() 确认，"
             "前提是 worker 在处理完一个元素之后才调用 task_done()。",
             f"main returned at {run.elapsed:g} s with results {run.result!r}: only {len(run.result)} of the 3 items had "
             "been processed. Until every item is processed, main must neither stop the worker nor return: await "
             "queue.join() waits until every item has been confirmed with task_done(), provided the worker calls "
             "task_done() only once it has finished with an item.")
    t.about(run, 1.5)


@test("clean-exit", zh="main 返回时 worker 已被取消并结束，没有任务挂着，也没有死锁", en="When main returns the worker has been cancelled and has ended: no pending task, no deadlock", weight=2)
def clean_exit(t):
    t.function("main", coroutine=True)
    run = t.measure(t.scenario("main_then_look"), ["a", "b"])
    result, pending, cancelled = run.result
    if pending and pending == cancelled:
        fail("missing-await",
             f"main 返回时这些任务还没有结束：{', '.join(pending)}。它们已经被 cancel() 过，但 cancel() 只是“请求”取消："
             "任务要等下一次运行时才在 await 处收到 CancelledError。cancel() 之后还要 await 这个任务（忽略 CancelledError），等它真正结束。",
             f"These tasks had not ended when main returned: {', '.join(pending)}. They had been cancel()ed, but cancel() "
             "only *requests* cancellation: the task gets CancelledError at its await the next time it runs. After "
             "cancel(), await the task (ignoring CancelledError) until it has really ended.")
    if pending:
        fail("never-awaited", f"main 返回时这些任务还挂着：{', '.join(pending)}。worker 永远不会自己结束：join() 之后要 cancel() 它，并 await 它（忽略 CancelledError）。",
             f"These tasks were still pending when main returned: {', '.join(pending)}. The worker never ends by itself: after join(), cancel() it and await it (ignoring CancelledError).")
    t.all_awaited(run)
