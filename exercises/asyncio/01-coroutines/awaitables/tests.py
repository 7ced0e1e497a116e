from awaitable.testing import Failure, test


def check_awaitable(t, run):
    """A TypeError from awaiting a Delay, told by what the error says went wrong."""
    if run.exception is None:
        return
    text = str(run.error.get("message", ""))
    if isinstance(run.exception, TypeError) and ("can't be used in 'await' expression" in text
                                                 or "an awaitable is required" in text):
        t.fail("exception",
               zh=f"await Delay(...) 抛出了 {text}。只有定义了 __await__ 方法的对象才能被 await；"
                  "类里有 async 方法并不会让它的实例变成可等待对象。为 Delay 实现 def __await__(self)。",
               en=f"await Delay(...) raised {text}. Only an object with an __await__ method can be awaited; "
                  "an async method in the class does not make its instances awaitable. Give Delay a def __await__(self).")
    if isinstance(run.exception, TypeError) and "returned a coroutine" in text:
        t.fail("exception",
               zh=f"await Delay(...) 抛出了 {text}。__await__ 必须是普通的 def，并返回一个迭代器，"
                  "不能返回协程对象（async def __await__ 返回的也是协程）。"
                  "借用协程的迭代器：return asyncio.sleep(self.seconds, self.value).__await__()。",
               en=f"await Delay(...) raised {text}. __await__ must be a plain def that returns an iterator, "
                  "not a coroutine object (an async def __await__ returns a coroutine too). Borrow a coroutine's "
                  "iterator: return asyncio.sleep(self.seconds, self.value).__await__().")
    if isinstance(run.exception, TypeError) and "__await__" in text:
        t.fail("exception",
               zh=f"await Delay(...) 抛出了 {text}。__await__ 必须返回一个迭代器。"
                  "借用协程的迭代器：return asyncio.sleep(self.seconds, self.value).__await__()。",
               en=f"await Delay(...) raised {text}. __await__ must return an iterator. Borrow a coroutine's "
                  "iterator: return asyncio.sleep(self.seconds, self.value).__await__().")
    t.measure(t.scenario(run.scenario), *run.arguments)  # reports any other exception as it is


def measure_awaiting(t, scenario, *arguments):
    run = t.measure(t.scenario(scenario), *arguments, allow_exception=True)
    run.scenario, run.arguments = scenario, arguments
    check_awaitable(t, run)
    return run


@test("delay", zh="await Delay(0.5, 'x') 约 0.5 秒后得到 'x'（换成别的秒数和值也一样）",
      en="await Delay(0.5, 'x') gives 'x' after about 0.5 s (and so for other seconds and values)")
def delay(t):
    t.function("Delay")
    for seconds, value in ((0.5, "x"), (1.25, [7, "y"])):
        run = measure_awaiting(t, "await_delay", seconds, value)
        t.no_blocking(run)
        t.equal(run.result, value)
        if abs(run.elapsed - seconds) > 0.01:
            t.fail("timing",
                   zh=f"await Delay({seconds}, {value!r}) 用了 {run.elapsed:g} 秒，应约为 {seconds} 秒：等待的时间要取自 self.seconds。",
                   en=f"await Delay({seconds}, {value!r}) took {run.elapsed:g} s instead of about {seconds} s: the wait "
                      "has to come from self.seconds.")


@test("delay-concurrent", zh="几个 Delay 用 gather 并发：三个 Delay(1) 约 1 秒，0.3/1.2/0.6 秒的约 1.2 秒，且不阻塞事件循环",
      en="Delays under gather run concurrently: three Delay(1) take about 1 s, 0.3/1.2/0.6 s ones about 1.2 s, "
         "without blocking the loop", weight=2)
def delay_concurrent(t):
    t.function("Delay")
    for seconds, expected in (((1, 1, 1), 1), ((0.3, 1.2, 0.6), 1.2)):
        run = measure_awaiting(t, "gather_delays", list(seconds))
        t.no_blocking(run)
        t.equal(run.result, ["a", "b", "c"])
        t.about(run, expected, sequential=sum(seconds))


@test("future", zh="later(0.5, 'f') 立即返回一个未完成的 Future，0.5 秒后它的结果是 'f'（换成别的秒数和值也一样）",
      en="later(0.5, 'f') returns a pending Future at once; its result is 'f' 0.5 s later (and so for other seconds and values)")
def future(t):
    t.function("later")
    for seconds, value in ((0.5, "f"), (1.25, "g")):
        run = t.measure(t.scenario("await_later"), seconds, value)
        t.no_blocking(run)
        kind = run.result[0]
        if kind == "coroutine":
            t.fail("coroutine-not-future",
                   zh="later() 返回的是协程对象：它是用 async def 定义的。题目要求 later 是普通函数（def），"
                      "调用时立即返回一个 Future：loop = asyncio.get_running_loop(); future = loop.create_future()。",
                   en="later() returned a coroutine object: it is defined with async def. later has to be a plain function "
                      "(def) that returns a Future at once: loop = asyncio.get_running_loop(); future = loop.create_future().")
        if kind == "task":
            t.fail("not-a-future",
                   zh=f"later() 返回的是一个 {run.result[1]}（在运行一个协程的任务），而题目要的是一个普通的 Future："
                      "用 loop.create_future() 创建它，用 loop.call_later(seconds, future.set_result, value) 在 seconds 秒后设置结果。",
                   en=f"later() returned a {run.result[1]} (a task running a coroutine), while the exercise asks for a plain "
                      "Future: make it with loop.create_future() and set its result seconds later with "
                      "loop.call_later(seconds, future.set_result, value).")
        if kind == "not-future":
            t.fail("not-a-future",
                   zh=f"later() 应返回 asyncio.Future（用 loop.create_future() 创建），实际返回了 {run.result[1]}。",
                   en=f"later() should return an asyncio.Future (made with loop.create_future()), not a {run.result[1]}.")
        _, done_at_once, got = run.result
        if done_at_once:
            t.fail("timing",
                   zh="later() 返回的 Future 一创建就已经完成了：结果应该在 seconds 秒之后才设置（loop.call_later）。",
                   en="The Future from later() was already done when returned: its result must be set `seconds` later "
                      "(loop.call_later).")
        t.equal(got, value)
        if abs(run.elapsed - seconds) > 0.01:
            t.fail("timing",
                   zh=f"later({seconds}, {value!r}) 返回的 Future 在 {run.elapsed:g} 秒时才有结果，应在 {seconds} 秒时："
                      "loop.call_later 的第一个参数是延迟的秒数。",
                   en=f"The Future from later({seconds}, {value!r}) got its result at {run.elapsed:g} s instead of at "
                      f"{seconds} s: loop.call_later's first argument is the delay in seconds.")


@test("resolve-awaitables", zh="resolve() 等待协程、Task、Future 和 Delay，返回它们的结果",
      en="resolve() awaits a coroutine, a Task, a Future and a Delay, and returns their results", weight=2)
def resolve_awaitables(t):
    t.function("resolve", coroutine=True)
    t.function("Delay")
    run = t.measure(t.scenario("resolve_awaitables"))
    for kind, (how, got) in zip(["coroutine", "Task", "Future", "Delay"], run.result):
        if how == "awaitable":
            raise Failure(zh=f"resolve() 把 {kind} 原样返回了，没有 await 它：协程、Task、Future 和实现了 __await__ 的对象都是可等待对象"
                             "（用 inspect.isawaitable 判断）。",
                          en=f"resolve() returned the {kind} itself without awaiting it: coroutines, Tasks, Futures and "
                             "objects with __await__ are all awaitable (check with inspect.isawaitable).",
                          misconception="missing-await")
    delay_awaitable = run.result[4][1]
    if not delay_awaitable and run.result[3][1] != "delay":
        raise Failure(zh="resolve(Delay(0.5, 'delay')) 原样返回了 Delay 对象：Delay 的实例不是可等待对象（它没有 __await__ 方法），"
                         "所以 resolve 没有 await 它。为 Delay 实现 __await__。",
                      en="resolve(Delay(0.5, 'delay')) gave back the Delay object itself: Delay's instances are not awaitable "
                         "(it has no __await__ method), so resolve did not await it. Give Delay an __await__.",
                      misconception="no-dunder-await")
    t.equal([got for _, got in run.result[:4]], ["coroutine", "task", "future", "delay"])


@test("resolve-plain", zh="resolve(42) 和 resolve(print('hi')) 原样返回 42 和 None，不抛 TypeError",
      en="resolve(42) and resolve(print('hi')) give back 42 and None, without a TypeError")
def resolve_plain(t):
    t.function("resolve", coroutine=True)
    run = t.measure(t.scenario("resolve_plain"), allow_exception=True)
    if isinstance(run.exception, TypeError):
        raise Failure(zh=f"resolve() 对不可等待的值也用了 await：{run.error['message']}。42、字符串、print() 的返回值 None 都不是"
                         "可等待对象（await print() 和 await 42 都会抛 TypeError），应原样返回。",
                      en=f"resolve() awaited a value that is not awaitable: {run.error['message']}. 42, a string and None (what "
                         "print() returns) are not awaitable (await print() and await 42 raise TypeError): give them back "
                         "unchanged.",
                      misconception="exception")
    if run.exception is not None:
        t.measure(t.scenario("resolve_plain"))  # reports the exception as it is
    t.equal(run.result, [42, None, "text"])
