from awaitable.testing import Failure, test

SPEEDS = {"Ada": 1.0, "Bo": 0.5, "Cy": 1.5}


def printed_at(run, text):
    for event in run.events:
        if event.get("kind") == "output" and text in event.get("text", ""):
            return event["t"]
    return None


@test("race", zh="race(SPEEDS) 约 4.5 秒后返回到达顺序 ['Bo', 'Ada', 'Cy']",
      en="race(SPEEDS) returns the finishing order ['Bo', 'Ada', 'Cy'] after about 4.5 s", weight=2)
def race(t):
    run = t.measure(t.function("race", coroutine=True), dict(SPEEDS))
    t.all_awaited(run)
    t.no_blocking(run)
    t.order(run, ["Go!", "Bo finished", "Ada finished", "Cy finished"])
    t.equal(run.result, ["Bo", "Ada", "Cy"])
    t.about(run, 4.5)


@test("no-false-start", zh="没有人抢跑：选手在 Go! 之后才起跑", en="No false start: the runners start after Go!",
      weight=2)
def no_false_start(t):
    run = t.measure(t.function("race", coroutine=True), dict(SPEEDS))
    go = printed_at(run, "Go!")
    early = [name for name in SPEEDS if (printed_at(run, f"{name} finished") or 99) < (go if go is not None else 0)]
    if early:
        raise Failure(
            zh=f"{', '.join(early)} 在 Go! 之前就到达了终点：选手没有等发令。在 runner 里先 await start.wait()。",
            en=f"{', '.join(early)} finished before Go!: the runners did not wait for the start signal. "
               "await start.wait() first in runner.",
            misconception="order",
        )
    t.order(run, ["Go!", "Bo finished"])


@test("wakes-all", zh="一次 set() 同时唤醒所有等待的选手：Bo 在 3.5 秒、Ada 在 4 秒、Cy 在 4.5 秒到达",
      en="One set() wakes every waiting runner at once: Bo at 3.5 s, Ada at 4 s, Cy at 4.5 s", weight=2)
def wakes_all(t):
    run = t.measure(t.function("race", coroutine=True), dict(SPEEDS))
    got = {name: printed_at(run, f"{name} finished") for name in SPEEDS}
    expected = {"Ada": 4.0, "Bo": 3.5, "Cy": 4.5}
    if got != expected:
        raise Failure(
            zh=f"到达时间应为 {expected}，实际 {got}。选手应该在 Event.wait() 上等待：set() 的那一刻所有等待者同时被唤醒；"
               "用循环定时检查 is_set() 会晚起跑。",
            en=f"The finishing times should be {expected}, got {got}. The runners should wait in Event.wait(): "
               "set() wakes every waiter at that very moment; polling is_set() in a loop starts late.",
            misconception="timing",
        )


@test("runner", zh="runner 单独测试：在 set() 之前一直等待，set() 之后 seconds 秒到达",
      en="runner on its own: waits until set(), then finishes `seconds` later")
def runner(t):
    t.function("runner", coroutine=True)
    run = t.measure(t.scenario("lone_runner"), "Dee", 0.5, 2)
    before, order, finished = run.result
    if not finished:
        raise Failure(
            zh="start.set() 之后 5 秒，runner 仍在等待：它等的不是传进来的那个 Event（是不是在 runner 里新建了一个？）。",
            en="5 s after start.set() runner was still waiting: it is not waiting on the Event it was given (did it "
               "create a new one?).",
            misconception="deadlock",
        )
    if before:
        raise Failure(
            zh="start 还没有 set()，runner 就已经跑完了：它没有等待这个 Event。",
            en="runner finished before start was set(): it did not wait on the Event.",
            misconception="order",
        )
    t.equal(order, ["Dee"])
    t.about(run, 2.5)
