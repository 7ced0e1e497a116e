from awaitable.testing import test

URL = "https://api.example.com/items?page=1"
PAGE = {1: [1, 2, 3], 2: [4, 5], 3: [6]}  # exercise.json: 0.5 s per page


def page_requests(run):
    """The URLs of the pages requested, from the judge's record of the fake HTTP requests."""
    return [record["url"] for record in run.requests if record["method"] != "FILE"]


def page_numbers(urls):
    return [url.rsplit("=", 1)[-1] for url in urls]


def check_async_generator(t):
    t.function("iter_items")
    if t.inventory().get("iter_items") != "async-generator-function":
        t.fail("not-async", zh="iter_items 应该是异步生成器：一个含有 yield 的 async def。",
               en="iter_items should be an async generator: an async def containing yield.")


def check_items(t, items, expected, call):
    if not isinstance(items, list):
        t.equal(items, expected)  # None, a coroutine, ...: the shared diagnosis names it
    if items != expected:
        t.fail("output", zh=f"{call} 应得到 {expected!r}，实际为 {items!r}。", en=f"{call} should give {expected!r}, got {items!r}.")


def check_one_session(t, sessions, call):
    if sessions > 1:
        t.fail("session-per-request",
               zh=f"{call} 创建了 {sessions} 个 ClientSession（aiohttp.request() 每次也会新建一个）：题目要求只用一个会话，"
                  "在 first_items 里创建，交给 iter_items 取每一页。",
               en=f"{call} made {sessions} ClientSessions (aiohttp.request() makes one each time too): the exercise asks "
                  "for one session, made in first_items and handed to iter_items for every page.")


@test("connection-order", zh="async with Connection：先 open，再执行代码块，最后 close（共 0.2 秒），as 得到连接对象本身",
      en="async with Connection: open, then the body, then close (0.2 s in all); as binds the connection itself")
def connection_order(t):
    t.function("Connection")
    run = t.measure(t.scenario("connection_order"))
    log, bound = run.result["log"], run.result["bound"]
    if log != ["open db", "body", "close db"]:
        t.fail("order", zh=f"日志应为 ['open db', 'body', 'close db']，实际为 {log!r}。",
               en=f"The log should be ['open db', 'body', 'close db'], got {log!r}.")
    if t.inventory().get("Connection") == "class" and bound != "self":
        got = "None" if bound == "none" else "另一个对象"
        t.fail("missing-return",
               zh=f"async with Connection(...) as conn 里 conn 是 {got}，不是这个连接对象：as 绑定的是 __aenter__ 的返回值，"
                  "__aenter__ 要 return self。",
               en=f"In async with Connection(...) as conn, conn was {'None' if bound == 'none' else 'another object'}, not "
                  "the connection: as binds what __aenter__ returns, so __aenter__ must return self.")
    if bound == "none":
        t.fail("missing-return", zh="async with Connection(...) as conn 里 conn 是 None：as 应得到连接对象。",
               en="In async with Connection(...) as conn, conn was None: as should bind the connection.")
    t.about(run, 0.2)


@test("connection-error", zh="代码块抛异常时仍然 close，且异常照常抛出", en="When the body raises, it still closes and the exception still propagates", weight=2)
def connection_error(t):
    t.function("Connection")
    run = t.measure(t.scenario("connection_error"))
    log, outcome = run.result
    if outcome == "swallowed":
        t.fail("exception", zh="代码块里的 ValueError 被吞掉了：__aexit__ 返回真值表示“异常已处理”。除非真的处理了，否则返回 False / None。",
               en="The ValueError raised in the body was swallowed: a truthy return from __aexit__ means 'handled'. Unless you really handled it, return False / None.")
    if not log or log[-1] != "close db":
        t.fail("output", zh=f"出错时没有关闭连接，日志为 {log!r}：关闭必须在出错时也执行（__aexit__ 总会被调用；@asynccontextmanager 要用 try/finally）。",
               en=f"The connection was not closed on error, log {log!r}: closing must happen on errors too (__aexit__ is always called; with @asynccontextmanager use try/finally).")


@test("iterate-all", zh="first_items 取完 3 页共 6 个条目（约 1.5 秒），只用一个 ClientSession",
      en="first_items goes through the 3 pages, 6 items (about 1.5 s), with one ClientSession")
def iterate_all(t):
    t.function("first_items", coroutine=True)
    check_async_generator(t)
    run = t.measure(t.scenario("first_items_counted"), URL, 100)
    check_items(t, run.result["items"], [1, 2, 3, 4, 5, 6], "first_items(url, 100)")
    check_one_session(t, run.result["sessions"], "first_items(url, 100)")
    t.about(run, 1.5, sequential=1.5)


@test("given-session", zh="iter_items 用传给它的 session 取页：取 4 个条目时请求第 1、2 页",
      en="iter_items fetches with the session it is given: 4 items take pages 1 and 2")
def given_session(t):
    check_async_generator(t)
    run = t.measure(t.scenario("items_with_our_session"), URL, 4)
    check_items(t, run.result["items"], [1, 2, 3, 4], "async for item in iter_items(session, url)（取 4 个 / 4 items）")
    ours, requested = run.result["ours"], page_requests(run)
    if requested and not ours:
        t.fail("ignores-session",
               zh=f"iter_items 请求了第 {page_numbers(requested)} 页，却一次也没有用传给它的 session"
                  f"（它自己新建了 {run.result['sessions']} 个会话）：用参数 session 取每一页。",
               en=f"iter_items requested pages {page_numbers(requested)} but never through the session it was given (it "
                  f"opened {run.result['sessions']} session(s) of its own): fetch every page with the session argument.")
    if page_numbers(requested) != ["1", "2"]:
        t.fail("extra-page" if len(requested) > 2 else "output",
               zh=f"取 4 个条目（第 1 页 3 个、第 2 页 2 个）后 break，实际请求的页：{page_numbers(requested)}，应为 ['1', '2']。",
               en=f"Breaking after 4 items (3 on page 1, 2 on page 2), the pages requested were {page_numbers(requested)}; "
                  "expected ['1', '2'].")


@test("lazy", zh="只要 2 个或 3 个条目时只请求第 1 页（约 0.5 秒）", en="Asking for 2 or 3 items fetches page 1 only (about 0.5 s)", weight=2)
def lazy(t):
    first_items = t.function("first_items", coroutine=True)
    for limit in (2, 3):
        run = t.measure(first_items, URL, limit)
        check_items(t, run.result, PAGE[1][:limit], f"first_items(url, {limit})")
        requested = page_numbers(page_requests(run))
        if len(requested) > 1:
            t.fail("timing",
                   zh=f"first_items(url, {limit}) 只需要第 1 页的 {limit} 个条目，却请求了第 {requested} 页（{run.elapsed:g} 秒）："
                      f"拿到第 {limit} 个条目就要 break，不再向生成器要下一个；生成器也只能在调用方要第 1 页之后的条目时，才去取下一页。",
                   en=f"first_items(url, {limit}) needs only {limit} items of page 1, yet pages {requested} were requested "
                      f"({run.elapsed:g} s): break as soon as you have item number {limit}, without asking the generator for "
                      "another; and the generator may fetch the next page only when the caller asks for an item past page 1.")
        t.about(run, 0.5)
