import asyncio
import inspect

from awaitable.testing import Failure, test


@test("delay", zh="await Delay(0.5, 'x') 约 0.5 秒后得到 'x'", en="await Delay(0.5, 'x') gives 'x' after about 0.5 s")
def delay(t):
    Delay = t.function("Delay")

    async def driver():
        return await Delay(0.5, "x")

    run = t.measure(driver)
    t.equal(run.result, "x")
    t.about(run, 0.5)


@test("delay-concurrent", zh="三个 Delay(1) 用 gather 并发：约 1 秒，且不阻塞事件循环",
      en="Three Delay(1) under gather run concurrently: about 1 s, without blocking the loop", weight=2)
def delay_concurrent(t):
    Delay = t.function("Delay")

    async def driver():
        return await asyncio.gather(Delay(1, "a"), Delay(1, "b"), Delay(1, "c"))

    run = t.measure(driver)
    t.no_blocking(run)
    t.equal(run.result, ["a", "b", "c"])
    t.about(run, 1, sequential=3)


@test("future", zh="later(0.5, 'f') 立即返回一个未完成的 Future，0.5 秒后它的结果是 'f'",
      en="later(0.5, 'f') returns a pending Future at once; its result is 'f' 0.5 s later")
def future(t):
    later = t.function("later")

    async def driver():
        made = later(0.5, "f")
        if not isinstance(made, asyncio.Future):
            return ("not-future", type(made).__name__)
        done_at_once = made.done()
        return ("ok", done_at_once, await made)

    run = t.measure(driver)
    if run.result[0] == "not-future":
        raise Failure({
            "zh": f"later() 应返回 asyncio.Future（用 loop.create_future() 创建），实际返回了 {run.result[1]}。",
            "en": f"later() should return an asyncio.Future (made with loop.create_future()), not a {run.result[1]}.",
        }, "not-a-task")
    _, done_at_once, value = run.result
    if done_at_once:
        raise Failure({
            "zh": "later() 返回的 Future 一创建就已经完成了：结果应该在 seconds 秒之后才设置（loop.call_later）。",
            "en": "The Future from later() was already done when returned: its result must be set `seconds` later "
                  "(loop.call_later).",
        }, "timing")
    t.equal(value, "f")
    t.about(run, 0.5)


@test("resolve-awaitables", zh="resolve() 等待协程、Task、Future 和 Delay，返回它们的结果",
      en="resolve() awaits a coroutine, a Task, a Future and a Delay, and returns their results", weight=2)
def resolve_awaitables(t):
    resolve = t.function("resolve", coroutine=True)
    Delay = t.function("Delay")

    async def answer(value):
        await asyncio.sleep(0.5)
        return value

    async def driver():
        task = asyncio.create_task(answer("task"))
        future = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_later(0.5, future.set_result, "future")
        return [await resolve(answer("coroutine")), await resolve(task), await resolve(future),
                await resolve(Delay(0.5, "delay"))]

    run = t.measure(driver)
    expected = ["coroutine", "task", "future", "delay"]
    for kind, got in zip(["coroutine", "Task", "Future", "Delay"], run.result):
        if inspect_awaitable(got):
            raise Failure({
                "zh": f"resolve() 把 {kind} 原样返回了，没有 await 它：协程、Task、Future 和实现了 __await__ 的对象都是可等待对象"
                      "（用 inspect.isawaitable 判断）。",
                "en": f"resolve() returned the {kind} itself without awaiting it: coroutines, Tasks, Futures and "
                      "objects with __await__ are all awaitable (check with inspect.isawaitable).",
            }, "missing-await")
    t.equal(run.result, expected)


@test("resolve-plain", zh="resolve(42) 和 resolve(print('hi')) 原样返回 42 和 None，不抛 TypeError",
      en="resolve(42) and resolve(print('hi')) give back 42 and None, without a TypeError")
def resolve_plain(t):
    resolve = t.function("resolve", coroutine=True)

    async def driver():
        return [await resolve(42), await resolve(print("hi")), await resolve("text")]

    run = t.measure(driver, allow_exception=True)
    if isinstance(run.exception, TypeError):
        raise Failure({
            "zh": f"resolve() 对不可等待的值也用了 await：{run.exception}。42、字符串、print() 的返回值 None 都不是"
                  "可等待对象（await print() 和 await 42 都会抛 TypeError），应原样返回。",
            "en": f"resolve() awaited a value that is not awaitable: {run.exception}. 42, a string and None (what "
                  "print() returns) are not awaitable (await print() and await 42 raise TypeError): give them back "
                  "unchanged.",
        }, "exception")
    if run.exception is not None:
        t.measure(driver)  # reports the exception as it is
    t.equal(run.result, [42, None, "text"])


def inspect_awaitable(value):
    awaitable = inspect.isawaitable(value)
    if inspect.iscoroutine(value):
        value.close()
    return awaitable
