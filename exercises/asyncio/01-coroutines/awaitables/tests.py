from awaitable.testing import Failure, test


@test("delay", zh="await Delay(0.5, 'x') 约 0.5 秒后得到 'x'", en="await Delay(0.5, 'x') gives 'x' after about 0.5 s")
def delay(t):
    t.function("Delay")
    run = t.measure(t.scenario("await_delay"), 0.5, "x")
    t.equal(run.result, "x")
    t.about(run, 0.5)


@test("delay-concurrent", zh="三个 Delay(1) 用 gather 并发：约 1 秒，且不阻塞事件循环",
      en="Three Delay(1) under gather run concurrently: about 1 s, without blocking the loop", weight=2)
def delay_concurrent(t):
    t.function("Delay")
    run = t.measure(t.scenario("gather_delays"))
    t.no_blocking(run)
    t.equal(run.result, ["a", "b", "c"])
    t.about(run, 1, sequential=3)


@test("future", zh="later(0.5, 'f') 立即返回一个未完成的 Future，0.5 秒后它的结果是 'f'",
      en="later(0.5, 'f') returns a pending Future at once; its result is 'f' 0.5 s later")
def future(t):
    t.function("later")
    run = t.measure(t.scenario("await_later"), 0.5, "f")
    if run.result[0] == "not-future":
        raise Failure(zh=f"later() 应返回 asyncio.Future（用 loop.create_future() 创建），实际返回了 {run.result[1]}。",
                      en=f"later() should return an asyncio.Future (made with loop.create_future()), not a {run.result[1]}.",
                      misconception="not-a-task")
    _, done_at_once, value = run.result
    if done_at_once:
        raise Failure(zh="later() 返回的 Future 一创建就已经完成了：结果应该在 seconds 秒之后才设置（loop.call_later）。",
                      en="The Future from later() was already done when returned: its result must be set `seconds` later "
                         "(loop.call_later).",
                      misconception="timing")
    t.equal(value, "f")
    t.about(run, 0.5)


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
    t.equal([got for _, got in run.result], ["coroutine", "task", "future", "delay"])


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
