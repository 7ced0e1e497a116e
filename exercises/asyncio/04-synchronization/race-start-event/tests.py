from awaitable.testing import Failure, test

SPEEDS = {"Ada": 1.0, "Bo": 0.5, "Cy": 1.5}
GO = 3.0  # countdown() prints Go! and sets the Event at 3 s
# The field scenario: our own Event, set at an uneven time, and more runners.
FIELD = {"Eve": 0.35, "Fay": 1.9, "Gus": 0.8, "Hal": 1.25}
SET_AT = 1.37
EPSILON = 0.0005


def printed_at(run, text):
    for event in run.events:
        if event.get("kind") == "output" and text in event.get("text", ""):
            return event["t"]
    return None


def seconds_list(times, unit):
    return ", ".join(f"{name} {'—' if at is None else format(at, 'g')}{unit}" for name, at in times.items())


def polling(t, speeds=FIELD, set_at=SET_AT):
    """Run the student's runner on our Event: (name, what it slept on, how many times before set()) for a runner
    that slept on the clock while it waited, else None."""
    run = t.measure(t.scenario("field"), dict(speeds), set_at)
    if run.result["before"]:
        return None  # a false start, not a runner checking on a timer
    for task in run.tasks:
        if not task["name"].startswith("runner "):
            continue
        sleeps = [event.get("on", "") for event in run.events
                  if event.get("task") == task["id"] and event["kind"] == "suspend"
                  and event.get("category") == "sleep" and event["t"] < set_at - EPSILON]
        if len(sleeps) >= 2:
            return task["name"][len("runner "):], sleeps[0], len(sleeps)
    return None


def fail_polling(t, found, context_zh="", context_en=""):
    name, on, count = found
    t.fail("polling",
           zh=f"{context_zh}把 runner() 放在评测自己的 Event 上跑（第 {SET_AT:g} 秒 set()），运行记录显示在 set() 之前 {name} "
              f"睡在 {on} 上 {count} 次：它在定时查看 is_set()，而不是在 "
              "Event.wait() 上等待，所以 set() 之后要等到下一次查看才起跑。把轮询循环换成 await start.wait()："
              "set() 的那一刻所有等待者同时被唤醒。",
           en=f"{context_en}Running runner() on an Event of the grader's (set() at {SET_AT:g} s), the trace shows {name} "
              f"sleeping on {on} {count} times before set(): it checks is_set() on a "
              "timer instead of waiting in Event.wait(), so after set() it starts only at its next check. Replace the "
              "polling loop with await start.wait(): set() wakes every waiter at that very moment.")


def false_start(early):
    raise Failure(
        zh=f"{', '.join(early)} 在 Go! 之前就到达了终点：选手没有等发令。在 runner 里先 await start.wait()。",
        en=f"{', '.join(early)} finished before Go!: the runners did not wait for the start signal. "
           "await start.wait() first in runner.",
        misconception="order",
    )


def check_times(t, run, speeds):
    """The runners of race(speeds) finished at Go! + their seconds; say what the run shows when not."""
    go = printed_at(run, "Go!")
    got = {name: printed_at(run, f"{name} finished") for name in speeds}
    if go is None or None in got.values():
        return
    early = [name for name in speeds if got[name] < go - EPSILON]
    if early:
        false_start(early)
    expected = {name: round(go + seconds, 3) for name, seconds in speeds.items()}
    if all(abs(got[name] - expected[name]) < EPSILON for name in speeds):
        return
    cumulative, clock = {}, go
    for name, seconds in speeds.items():
        clock += seconds
        cumulative[name] = clock
    if all(abs(got[name] - cumulative[name]) < EPSILON for name in speeds):
        t.fail("sequential",
               zh=f"到达时间是 {seconds_list(got, ' 秒')}：每个选手都是在前一个跑完时才起跑，一个接一个地跑"
                  f"（期望 {seconds_list(expected, ' 秒')}）。所有选手要同时跑：用 asyncio.gather（或为每个选手创建任务），"
                  "而不是在循环里逐个 await runner(...)。",
               en=f"The finishing times are {seconds_list(got, ' s')}: each runner started when the one before had "
                  f"finished, one after another (expected {seconds_list(expected, ' s')}). All the runners must run at "
                  "once: asyncio.gather (or a task per runner), not await runner(...) one by one in a loop.")
    found = polling(t)
    if found:
        fail_polling(t, found,
                     f"到达时间是 {seconds_list(got, ' 秒')}，期望 Go! 之后各自的秒数：{seconds_list(expected, ' 秒')}。",
                     f"The finishing times are {seconds_list(got, ' s')}, expected their seconds after Go!: "
                     f"{seconds_list(expected, ' s')}. ")
    t.fail("timing",
           zh=f"到达时间应为 {seconds_list(expected, ' 秒')}（Go! 在第 {go:g} 秒，再加上各自的秒数），实际 {seconds_list(got, ' 秒')}。",
           en=f"The finishing times should be {seconds_list(expected, ' s')} (Go! at {go:g} s plus each runner's "
              f"seconds), got {seconds_list(got, ' s')}.")


@test("race", zh="race(SPEEDS) 约 4.5 秒后返回到达顺序 ['Bo', 'Ada', 'Cy']",
      en="race(SPEEDS) returns the finishing order ['Bo', 'Ada', 'Cy'] after about 4.5 s", weight=2)
def race(t):
    run = t.measure(t.function("race"), dict(SPEEDS))
    t.all_awaited(run)
    t.no_blocking(run)
    check_times(t, run, SPEEDS)
    t.order(run, ["Go!", "Bo finished", "Ada finished", "Cy finished"])
    t.equal(run.result, ["Bo", "Ada", "Cy"])
    t.about(run, 4.5)


@test("no-false-start", zh="没有人抢跑：选手在 Go! 之后才起跑", en="No false start: the runners start after Go!",
      weight=2)
def no_false_start(t):
    run = t.measure(t.function("race"), dict(SPEEDS))
    go = printed_at(run, "Go!")
    early = [name for name in SPEEDS if (printed_at(run, f"{name} finished") or 99) < (go if go is not None else 0)]
    if early:
        false_start(early)
    t.order(run, ["Go!", "Bo finished"])


@test("on-their-marks", zh="选手先就位：发令之前，每个选手都已经开始（在等发令）",
      en="On their marks: before Go!, every runner has already started (and waits for the signal)")
def on_their_marks(t):
    run = t.measure(t.function("race"), dict(SPEEDS))
    go = printed_at(run, "Go!")
    if go is None:
        t.order(run, ["Go!"])
    root = [task["id"] for task in run.tasks if task["parent"] is None]
    ready = [task for task in run.tasks if task["id"] not in root
             and task["started"] is not None and task["started"] < go - EPSILON]
    if len(ready) < len(SPEEDS):
        late = sorted({task["coroutine"] + "()" for task in run.tasks if task["id"] not in root
                       and task["started"] is not None and task["started"] >= go - EPSILON})
        t.fail("sequential-start",
               zh=f"运行记录显示，Go!（第 {go:g} 秒）之前除了 race() 本身" + (f"只有 {len(ready)} 个任务" if ready else "没有任何任务")
                  + f"已经开始，而选手有 {len(SPEEDS)} 个" + (f"；{', '.join(late)} 在 Go! 之后才开始" if late else "")
                  + "。选手要和发令员同时开始，先就位在 start.wait() 上等待：把 countdown(start) 和所有 runner(...) "
                    "一起交给 asyncio.gather（或先为每个选手创建任务），而不是先 await countdown(start) 再让选手出发，"
                    "或者一个接一个地 await 选手。",
               en="The trace shows " + (f"only {len(ready)} task(s)" if ready else "no task")
                  + f" besides race() itself started before Go! (at {go:g} s), for {len(SPEEDS)} runners"
                  + (f"; {', '.join(late)} only started after Go!" if late else "")
                  + ". The runners must start together with the starter and wait at their marks in start.wait(): hand "
                    "countdown(start) and every runner(...) to asyncio.gather together (or create a task per runner "
                    "first), rather than awaiting countdown(start) before the runners set off, or awaiting the runners "
                    "one by one.")


@test("wakes-all", zh="一次 set() 同时唤醒所有等待的选手：Bo 在 3.5 秒、Ada 在 4 秒、Cy 在 4.5 秒到达",
      en="One set() wakes every waiting runner at once: Bo at 3.5 s, Ada at 4 s, Cy at 4.5 s", weight=2)
def wakes_all(t):
    run = t.measure(t.function("race"), dict(SPEEDS))
    check_times(t, run, SPEEDS)
    got = {name: printed_at(run, f"{name} finished") for name in SPEEDS}
    expected = {"Ada": 4.0, "Bo": 3.5, "Cy": 4.5}
    if got != expected:
        t.fail("timing",
               zh=f"到达时间应为 {seconds_list(expected, ' 秒')}，实际 {seconds_list(got, ' 秒')}。",
               en=f"The finishing times should be {seconds_list(expected, ' s')}, got {seconds_list(got, ' s')}.")


@test("field", zh="换一个 Event、在第 1.37 秒 set()：4 个选手都在 set() 之后正好各自的秒数到达",
      en="Another Event, set at 1.37 s: each of 4 runners finishes exactly its seconds after set()", weight=2)
def field(t):
    t.function("runner")
    run = t.measure(t.scenario("field"), dict(FIELD), SET_AT)
    result = run.result
    if result["before"]:
        raise Failure(
            zh=f"Event 还没有 set()，{', '.join(result['before'])} 就已经跑完了：runner 没有等待传进来的 start。",
            en=f"{', '.join(result['before'])} finished before the Event was set(): runner did not wait on the start "
               "it was given.",
            misconception="order")
    if result["waiting"]:
        t.fail("deadlock",
               zh=f"set() 之后 5 秒，{', '.join(result['waiting'])} 仍在等待：它等的不是传进来的那个 Event"
                  "（是不是在 runner 里新建了一个？）。",
               en=f"5 s after set(), {', '.join(result['waiting'])} were still waiting: they are not waiting on the "
                  "Event they were given (did runner create a new one?).")
    expected = {name: round(SET_AT + seconds, 3) for name, seconds in FIELD.items()}
    if result["finished"] != expected:
        found = polling(t)
        if found:
            fail_polling(t, found,
                         f"set() 在第 {SET_AT:g} 秒，到达时间应为 {seconds_list(expected, ' 秒')}，实际 "
                         f"{seconds_list(result['finished'], ' 秒')}。",
                         f"set() came at {SET_AT:g} s, so the finishing times should be {seconds_list(expected, ' s')}, "
                         f"got {seconds_list(result['finished'], ' s')}. ")
        t.fail("timing",
               zh=f"set() 在第 {SET_AT:g} 秒，到达时间应为 {seconds_list(expected, ' 秒')}，实际 "
                  f"{seconds_list(result['finished'], ' 秒')}。",
               en=f"set() came at {SET_AT:g} s, so the finishing times should be {seconds_list(expected, ' s')}, got "
                  f"{seconds_list(result['finished'], ' s')}.")
    t.equal(result["order"], sorted(FIELD, key=FIELD.get))


@test("runner", zh="runner 单独测试：在 set() 之前一直等待，set() 之后 seconds 秒到达",
      en="runner on its own: waits until set(), then finishes `seconds` later")
def runner(t):
    t.function("runner")
    run = t.measure(t.scenario("lone_runner"), "Dee", 0.5, 2)
    result = run.result
    if result["waiting"]:
        raise Failure(
            zh="start.set() 之后 5 秒，runner 仍在等待：它等的不是传进来的那个 Event（是不是在 runner 里新建了一个？）。",
            en="5 s after start.set() runner was still waiting: it is not waiting on the Event it was given (did it "
               "create a new one?).",
            misconception="deadlock",
        )
    if result["before"]:
        raise Failure(
            zh="start 还没有 set()，runner 就已经跑完了：它没有等待这个 Event。",
            en="runner finished before start was set(): it did not wait on the Event.",
            misconception="order",
        )
    t.equal(result["order"], ["Dee"])
    t.about(run, 2.5)
