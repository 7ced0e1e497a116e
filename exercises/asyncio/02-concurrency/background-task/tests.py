from awaitable.testing import test

ORDER = ["download: start", "prepare: start", "prepare: done", "download: done"]
OUTCOMES_ZH = {"cancelled": "被取消", "exception": "抛出了异常", "result": "返回了"}


def printed(run):
    """Each line the run printed, first time only: text -> (virtual time, the task that was running, its
    index in the events). A student may run the work inside a wrapper or a logging task, so the tests
    follow the lines download() and prepare() print, never the name of a task's coroutine."""
    lines = {}
    current = None
    for index, event in enumerate(run.events):
        kind = event["kind"]
        if kind in ("start", "resume"):
            current = event["task"]
        elif kind in ("suspend", "end") and event.get("task") == current:
            current = None
        elif kind == "output" and event.get("stream") == "stdout":
            for line in event["text"].splitlines():
                lines.setdefault(line.strip(), (event["t"], current, index))
    return lines


def roots(run):
    return {task["id"] for task in run.tasks if task["parent"] is None}


def created_at(run, task):
    """The index of the create event of ``task`` in the events, or None."""
    for index, event in enumerate(run.events):
        if event["kind"] == "create" and event.get("task") == task:
            return index
    return None


def check_background(t, run):
    """The shapes of a download that did not run in the background, each named only when the trace shows it."""
    lines = printed(run)
    if "download: start" not in lines:
        t.fail("not-a-task",
               zh=f"download() 的函数体没有运行：输出里没有 download: start（运行在 {run.elapsed:g} 秒时结束）。"
                  "要让它在后台运行，用 asyncio.create_task(download()) 把它变成任务，之后再 await 这个任务。",
               en=f"download()'s body never ran: download: start is not in the output (the run ended at {run.elapsed:g} s). "
                  "To run it in the background, make it a task with asyncio.create_task(download()) and await that task later.")
    started, task, _ = lines["download: start"]
    if "download: done" not in lines:
        record = next((entry for entry in run.tasks if entry["id"] == task), None)
        ends = [entry["ended"] for entry in run.tasks if entry["parent"] is None and entry["ended"] is not None]
        if record is not None and record["ended"] is not None and ends and record["ended"] < max(ends):
            t.fail("timing",
                   zh=f"下载在 {started:g} 秒时开始，但在 {record['ended']:g} 秒时就结束了"
                      f"（{OUTCOMES_ZH.get(record['outcome'], record['outcome'])}），"
                      "download: done 从未打印：下载任务在完成之前被提前结束了。让它运行完，await 它并返回它的结果。",
                   en=f"The download started at {started:g} s but ended at {record['ended']:g} s ({record['outcome']}) without "
                      "printing download: done: the task was stopped before it finished. Let it run to the end, await it "
                      "and return its result.")
        t.fail("timing",
               zh=f"下载在 {started:g} 秒时开始，但 download: done 从未打印：main 在 {run.elapsed:g} 秒时就返回了，"
                  "那时下载任务还在运行，asyncio.run 结束时把它取消了。在 return 之前 await 这个任务，并返回它的结果。",
               en=f"The download started at {started:g} s but download: done was never printed: main returned at "
                  f"{run.elapsed:g} s while the download task was still running, and it was cancelled when the run ended. "
                  "Await the task before returning, and return its result.")
    done = lines["download: done"][0]
    if "prepare: start" not in lines or "prepare: done" not in lines:
        t.fail("output",
               zh="输出里没有 prepare: start 和 prepare: done：main 要运行 prepare()（await 它），下载则在后台同时进行。",
               en="prepare: start and prepare: done are not in the output: main has to run prepare() (await it) while the "
                  "download goes on in the background.")
    prepare_start, prepare_done = lines["prepare: start"][0], lines["prepare: done"][0]
    if started < prepare_done and prepare_start < done:
        return
    if task in roots(run):
        t.fail("not-a-task",
               zh=f"下载没有在后台运行：运行记录显示 download() 是在 main 自己里面运行的（{started:g} 到 {done:g} 秒），"
                  f"和 prepare（{prepare_start:g} 到 {prepare_done:g} 秒）一个接一个，共 {run.elapsed:g} 秒。"
                  "调用 download() 只会得到一个协程对象，在被 await 之前它什么也不做；"
                  "要让它在后台运行，用 asyncio.create_task(download()) 把它变成任务。",
               en=f"The download did not run in the background: the trace shows download() ran inside main itself "
                  f"({started:g} to {done:g} s), one after the other with prepare ({prepare_start:g} to {prepare_done:g} s), "
                  f"{run.elapsed:g} s in all. Calling download() only makes a coroutine object, which does nothing until "
                  "awaited; to run it in the background, make it a task with asyncio.create_task(download()).")
    if started < prepare_start:
        after_zh, after_en = "prepare 等下载完成后才开始", "prepare started only once the download had finished"
        advice_zh = "创建任务后不要马上 await 它：先运行 prepare()，最后再 await 下载任务。"
        advice_en = "Do not await the task right after creating it: run prepare() first, and await the download task at the end."
    else:
        after_zh, after_en = "下载等 prepare 完成后才开始", "the download started only once prepare had finished"
        advice_zh = "先创建下载任务并让它开始，再运行 prepare()，最后 await 下载任务。"
        advice_en = "Create the download task and let it start first, then run prepare(), and await the download task at the end."
    t.fail("sequential",
           zh=f"下载任务从 {started:g} 秒运行到 {done:g} 秒，prepare 从 {prepare_start:g} 秒运行到 {prepare_done:g} 秒："
              f"两者没有重叠，{after_zh}，共 {run.elapsed:g} 秒。{advice_zh}",
           en=f"The download task ran from {started:g} to {done:g} s and prepare from {prepare_start:g} to "
              f"{prepare_done:g} s: they did not overlap, {after_en}, "
              f"{run.elapsed:g} s in all. {advice_en}")


@test("result", zh="main() 返回 download() 的结果 'file.zip'", en="main() returns download()'s result 'file.zip'")
def result(t):
    run = t.measure(t.function("main", coroutine=True), allow_exception=True)
    if run.error and run.error.get("type") == "InvalidStateError":
        t.fail("exception",
               zh=f"main 在 {run.elapsed:g} 秒时读取了一个还没完成的任务的结果（{run.error.get('message')}）："
                  "prepare 完成时下载还没有完成（它要 1.5 秒）。不要调用 task.result()，用 await task 等它完成并拿到结果。",
               en=f"main read the result of a task that had not finished, at {run.elapsed:g} s ({run.error.get('message')}): "
                  "the download was not done when prepare was (it takes 1.5 s). Instead of task.result(), await the task: "
                  "that waits for it and gives its result.")
    if run.exception is not None:
        run = t.measure(t.function("main", coroutine=True))  # reports the exception as it is
    t.all_awaited(run)
    t.equal(run.result, "file.zip")


@test("background", zh="下载在后台进行，与 prepare 重叠：共约 1.5 秒，不是 2.5 秒",
      en="The download runs in the background, overlapping prepare: about 1.5 s, not 2.5 s", weight=2)
def background(t):
    run = t.measure(t.function("main", coroutine=True))
    t.all_awaited(run)
    t.no_blocking(run)
    check_background(t, run)
    t.about(run, 1.5, sequential=2.5)


@test("starts-first", zh="download 在 prepare 之前开始：输出顺序 download: start → prepare: start → prepare: done → download: done",
      en="download starts before prepare: download: start → prepare: start → prepare: done → download: done",
      weight=2)
def starts_first(t):
    run = t.measure(t.function("main", coroutine=True))
    t.all_awaited(run)
    lines = printed(run)
    if "download: start" in lines and "prepare: start" in lines:
        _, task, download_index = lines["download: start"]
        prepare_index = lines["prepare: start"][2]
        if prepare_index < download_index and task not in roots(run):
            created = created_at(run, task)
            if created is not None and created < prepare_index:
                t.fail("order",
                       zh="prepare: start 出现在 download: start 之前：运行记录显示，下载任务在 prepare 开始之前就已经创建了，"
                          "却直到 prepare 开始之后才第一次运行。create_task 只是把任务排进事件循环的队列，"
                          "要等当前协程 await、把控制权交还给事件循环，任务才按排队的顺序开始运行。"
                          "先让下载任务运行一次（例如 create_task 之后 await asyncio.sleep(0)），再开始 prepare。",
                       en="prepare: start came before download: start: the trace shows the download task was created before "
                          "prepare started, yet ran for the first time only after it. create_task only puts the task in the "
                          "event loop's queue; tasks start, in the order they were queued, when the current coroutine awaits "
                          "and gives control back to the loop. Let the download task run once first (for example, await "
                          "asyncio.sleep(0) after create_task), then start prepare.")
            t.fail("order",
                   zh="prepare: start 出现在 download: start 之前：运行记录显示，下载任务是在 prepare 开始之后才创建的。"
                      "先创建下载任务，让它运行一次（例如 await asyncio.sleep(0)），再开始 prepare。",
                   en="prepare: start came before download: start: the trace shows the download task was created only after "
                      "prepare had started. Create the download task first, let it run once (for example, await "
                      "asyncio.sleep(0)), then start prepare.")
    check_background(t, run)
    t.order(run, ORDER)
