from awaitable.testing import Failure, test

URL = "https://api.example.com/items?page=1"


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def page_requests(run):
    """The URLs of the pages requested, from the judge's record of the fake HTTP requests."""
    return [record["url"] for record in run.requests if record["method"] != "FILE"]


@test("connection-order", zh="async with Connection：先 open，再执行代码块，最后 close（共 0.2 秒）", en="async with Connection: open, then the body, then close (0.2 s in all)")
def connection_order(t):
    t.function("Connection")
    run = t.measure(t.scenario("connection_order"))
    log = run.result
    if log != ["open db", "body", "close db"]:
        fail("order", f"日志应为 ['open db', 'body', 'close db']，实际为 {log!r}。", f"The log should be ['open db', 'body', 'close db'], got {log!r}.")
    t.about(run, 0.2)


@test("connection-error", zh="代码块抛异常时仍然 close，且异常照常抛出", en="When the body raises, it still closes and the exception still propagates", weight=2)
def connection_error(t):
    t.function("Connection")
    run = t.measure(t.scenario("connection_error"))
    log, outcome = run.result
    if outcome == "swallowed":
        fail("exception", "代码块里的 ValueError 被吞掉了：__aexit__ 返回真值表示“异常已处理”。除非真的处理了，否则返回 False / None。",
             "The ValueError raised in the body was swallowed: a truthy return from __aexit__ means 'handled'. Unless you really handled it, return False / None.")
    if not log or log[-1] != "close db":
        fail("output", f"出错时没有关闭连接，日志为 {log!r}：关闭必须在出错时也执行（__aexit__ 总会被调用；@asynccontextmanager 要用 try/finally）。",
             f"The connection was not closed on error, log {log!r}: closing must happen on errors too (__aexit__ is always called; with @asynccontextmanager use try/finally).")


@test("iterate-all", zh="first_items 取完 3 页共 6 个条目（约 1.5 秒）", en="first_items goes through the 3 pages, 6 items (about 1.5 s)")
def iterate_all(t):
    first_items = t.function("first_items", coroutine=True)
    t.function("iter_items")
    if t.inventory().get("iter_items") != "async-generator-function":
        fail("not-async", "iter_items 应该是异步生成器：一个含有 yield 的 async def。", "iter_items should be an async generator: an async def containing yield.")
    run = t.measure(first_items, URL, 100)
    if run.result != [1, 2, 3, 4, 5, 6]:
        fail("output", f"应返回 [1, 2, 3, 4, 5, 6]，实际为 {run.result!r}。", f"Expected [1, 2, 3, 4, 5, 6], got {run.result!r}.")
    t.about(run, 1.5)


@test("lazy", zh="只要 2 个条目时只请求第 1 页（约 0.5 秒）", en="Asking for 2 items fetches page 1 only (about 0.5 s)", weight=2)
def lazy(t):
    run = t.measure(t.function("first_items", coroutine=True), URL, 2)
    if run.result != [1, 2]:
        fail("output", f"应返回 [1, 2]，实际为 {run.result!r}。", f"Expected [1, 2], got {run.result!r}.")
    requested = page_requests(run)
    if len(requested) != 1:
        fail("timing", f"只需要 2 个条目，却请求了 {len(requested)} 页（{run.elapsed:g} 秒）：异步生成器应该在调用方要下一个条目时才去取下一页，而不是一开始就全部取完。",
             f"Only 2 items were needed, yet {len(requested)} pages were fetched ({run.elapsed:g} s): the async generator should fetch the next page only when the caller asks for the next item, not everything up front.")
    t.about(run, 0.5)
