from awaitable.testing import test

WASH_START, WASH_DONE = "开始洗碗，要2秒", "碗洗完了"
COOK_START, COOK_DONE = "开始煮饭，要3秒", "饭煮好了"


def printed_at(run, text):
    """The virtual time at which ``text`` was first printed, or None. The tests follow what the chores print, not
    the names of tasks' coroutines: a student may run each chore inside a wrapper or a logging task."""
    for event in run.events:
        if event["kind"] == "output" and event.get("stream") == "stdout" and text in event["text"]:
            return event["t"]
    return None


def chore_spans(t, run):
    """(start, done) on the virtual clock for washing and for cooking; fails on a chore that never started or
    never finished."""
    spans = []
    for start_text, done_text, zh_name, en_name in ((WASH_START, WASH_DONE, "洗碗", "washing"),
                                                    (COOK_START, COOK_DONE, "煮饭", "cooking")):
        start, done = printed_at(run, start_text), printed_at(run, done_text)
        if start is None:
            t.fail("output",
                   zh=f"输出里没有“{start_text}”：{zh_name}根本没有开始（运行在 {run.elapsed:g} 秒时结束）。"
                      "main() 要运行 wash_dishes() 和 cook_rice() 两个协程。",
                   en=f"“{start_text}” is not in the output: {en_name} never started (the run ended at {run.elapsed:g} s). "
                      "main() has to run both coroutines, wash_dishes() and cook_rice().")
        if done is None:
            t.fail("timing",
                   zh=f"{zh_name}在 {start:g} 秒时开始了，但“{done_text}”从未打印：程序在 {run.elapsed:g} 秒时结束，{zh_name}没有做完。"
                      "main() 返回时，asyncio.run 会取消还在运行的任务：main() 要等两件家务都做完再返回"
                      "（await asyncio.gather(...)，或 await 每个任务）。",
                   en=f"{en_name.capitalize()} started at {start:g} s but “{done_text}” was never printed: the program ended at "
                      f"{run.elapsed:g} s without it finishing. asyncio.run cancels the tasks still running when main() "
                      "returns: main() has to wait until both chores are done (await asyncio.gather(...), or await each task).")
        spans.append((start, done))
    return spans


@test("three-seconds", zh="两件家务同时进行：总耗时 3 秒，不是 5 秒", en="Both chores at once: 3 s in total, not 5 s", weight=2)
def three_seconds(t):
    run = t.run_program()
    t.about(run, 3, sequential=5)


@test("overlap", zh="洗碗和煮饭在时间上重叠", en="Washing and cooking overlap in time")
def overlap(t):
    run = t.run_program()
    t.all_awaited(run)
    t.no_blocking(run)
    (wash_start, wash_done), (cook_start, cook_done) = chore_spans(t, run)
    for name_zh, name_en, function, start, done, expected in (("洗碗", "Washing", "wash_dishes", wash_start, wash_done, 2),
                                                             ("煮饭", "Cooking", "cook_rice", cook_start, cook_done, 3)):
        if abs((done - start) - expected) > 0.01:
            t.fail("changed-given-code",
                   zh=f"{name_zh}从 {start:g} 秒做到 {done:g} 秒，用了 {done - start:g} 秒，而 {function}() 要等 {expected} 秒："
                      f"保持 wash_dishes() 和 cook_rice() 原样，只改 main()。",
                   en=f"{name_en} ran from {start:g} to {done:g} s, {done - start:g} s, while {function}() waits {expected} s: "
                      "keep wash_dishes() and cook_rice() as they are and change only main().")
    if wash_start < cook_done and cook_start < wash_done:
        return
    first, second = ("洗碗", "煮饭") if wash_start <= cook_start else ("煮饭", "洗碗")
    first_en, second_en = ("washing", "cooking") if wash_start <= cook_start else ("cooking", "washing")
    t.fail("sequential",
           zh=f"洗碗从 {wash_start:g} 秒做到 {wash_done:g} 秒，煮饭从 {cook_start:g} 秒做到 {cook_done:g} 秒：没有重叠，"
              f"{second}等{first}做完才开始。把两件事一起交给事件循环（asyncio.gather，或先 create_task 两个任务再 await 它们），"
              "不要等一个做完再开始另一个。",
           en=f"Washing ran from {wash_start:g} to {wash_done:g} s and cooking from {cook_start:g} to {cook_done:g} s: they did "
              f"not overlap, {second_en} started only once {first_en} was done. Hand both to the event loop together "
              "(asyncio.gather, or create both tasks with create_task and then await them) instead of waiting for one to "
              "finish before starting the other.")


@test("order", zh="输出顺序：两件事先都开始（先后不限），碗先洗完，饭后煮好",
      en="Output order: both start (in either order), then the dishes finish, then the rice")
def order(t):
    run = t.run_program()
    positions = {text: run.stdout.find(text) for text in (WASH_START, COOK_START, WASH_DONE, COOK_DONE)}
    if min(positions.values()) < 0:
        chore_spans(t, run)  # reports the chore that never started or never finished
    for done in (WASH_DONE, COOK_DONE):
        for start in (WASH_START, COOK_START):
            if positions[done] < positions[start]:
                t.fail("order",
                       zh=f"“{done}”打印在“{start}”之前：一件家务已经做完了，另一件才开始。"
                          "两件事应该先都开始，然后碗先洗完（2 秒），饭后煮好（3 秒）。",
                       en=f"“{done}” was printed before “{start}”: one chore was done before the other had even started. Both "
                          "should start first; then the dishes are done (2 s), then the rice (3 s).")
    if positions[COOK_DONE] < positions[WASH_DONE]:
        t.fail("order",
               zh=f"“{COOK_DONE}”打印在“{WASH_DONE}”之前：两件事同时开始时，洗碗（2 秒）应该比煮饭（3 秒）先完成。",
               en=f"“{COOK_DONE}” was printed before “{WASH_DONE}”: started together, washing (2 s) finishes before cooking (3 s).")


@test("no-blocking", zh="没有用 time.sleep 阻塞事件循环", en="The event loop is never blocked by time.sleep")
def no_blocking(t):
    run = t.run_program()
    t.all_awaited(run)
    t.no_blocking(run)
