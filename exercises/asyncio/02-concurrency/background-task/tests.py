from awaitable.testing import Failure, test

ORDER = ["download: start", "prepare: start", "prepare: done", "download: done"]


@test("result", zh="main() 返回 download() 的结果 'file.zip'", en="main() returns download()'s result 'file.zip'")
def result(t):
    run = t.measure(t.function("main", coroutine=True))
    t.all_awaited(run)
    t.equal(run.result, "file.zip")


@test("background", zh="下载在后台进行，与 prepare 重叠：共约 1.5 秒，不是 2.5 秒",
      en="The download runs in the background, overlapping prepare: about 1.5 s, not 2.5 s", weight=2)
def background(t):
    run = t.measure(t.function("main", coroutine=True))
    t.all_awaited(run)
    if not run.tasks_named("download"):
        raise Failure({
            "zh": f"download() 没有作为任务运行（用时 {run.elapsed:g} 秒）：协程对象在被 await 之前什么也不做，"
                  "要让它在后台运行，必须用 asyncio.create_task(download()) 把它变成任务。",
            "en": f"download() did not run as a task (it took {run.elapsed:g} s): a coroutine object does nothing "
                  "until it is awaited. To run it in the background, make it a task with "
                  "asyncio.create_task(download()).",
        }, "not-a-task")
    t.about(run, 1.5, sequential=2.5)


@test("starts-first", zh="download 在 prepare 之前开始：输出顺序 download: start → prepare: start → prepare: done → download: done",
      en="download starts before prepare: download: start → prepare: start → prepare: done → download: done",
      weight=2)
def starts_first(t):
    run = t.measure(t.function("main", coroutine=True))
    start_download = run.stdout.find("download: start")
    start_prepare = run.stdout.find("prepare: start")
    if 0 <= start_prepare < start_download and run.tasks_named("download"):
        raise Failure({
            "zh": "prepare: start 出现在 download: start 之前：create_task 之后任务并不会马上运行，"
                  "它要等当前协程下一次 await、把控制权交还给事件循环时才开始。"
                  "在 create_task 之后先 await asyncio.sleep(0)，让它先跑起来。",
            "en": "prepare: start came before download: start: a task does not run as soon as create_task returns; "
                  "it starts when the current coroutine next awaits and gives control back to the event loop. "
                  "After create_task, await asyncio.sleep(0) to let it start first.",
        }, "order")
    t.order(run, ORDER)
