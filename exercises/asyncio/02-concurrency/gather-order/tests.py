from awaitable.testing import Failure, test


DELAYS = {"jd": 1.5, "taobao": 0.5, "pdd": 1.0, "broken": 0.8}  # the module's fetch_price (the prompt)
PRICES = {"jd": 5999, "taobao": 5799, "pdd": 5499}


def answer(shop):
    return PRICES.get(shop)


def check_order(t, result, shops):
    """The prices of `shops` in their order: a permutation, an exception object in a slot, a missing slot."""
    expected = [answer(shop) for shop in shops]
    if isinstance(result, list) and len(result) == len(expected):
        errors = [(shops[index], value) for index, value in enumerate(result) if isinstance(value, BaseException)]
        if errors:
            shop, error = errors[0]
            t.fail("exception-as-result",
                   zh=f"compare({shops}) 返回了 {result!r}：{shop} 的位置上是异常对象 {error!r} 本身，而不是 None。"
                      "return_exceptions=True 会把异常作为结果放进列表，还要再把它换成 None"
                      "（例如 None if isinstance(r, Exception) else r）。",
                   en=f"compare({shops}) returned {result!r}: the slot of {shop} holds the exception {error!r} itself, "
                      "not None. return_exceptions=True puts the exception into the list as a result; it still has to "
                      "be turned into None (None if isinstance(r, Exception) else r, say).")
    if isinstance(result, list) and result != expected and sorted(map(repr, result)) == sorted(map(repr, expected)):
        finished = [answer(shop) for shop in sorted(shops, key=lambda shop: DELAYS.get(shop, 1.0))]
        if result == finished:
            how_zh, how_en = "正是各家店返回的先后顺序", "which is the order in which the shops answered"
        else:
            how_zh, how_en = "价格和店铺对不上", "the prices do not match the shops"
        raise Failure({
            "zh": f"价格都对，但顺序不对：compare({shops}) 应返回 {expected}（与传入的 shops 顺序一致），实际 {result}"
                  f"（{how_zh}）。asyncio.gather 的结果顺序总是和参数顺序一致，不需要自己按完成顺序收集。",
            "en": f"The prices are right but in the wrong order: compare({shops}) should return {expected} (the order "
                  f"of `shops`), got {result} ({how_en}). asyncio.gather returns results in the order of its "
                  "arguments; do not collect them as they complete.",
        }, "order")
    if isinstance(result, list) and len(result) < len(expected) and None in expected \
            and result == [value for value in expected if value is not None]:
        failed = [shop for shop in shops if answer(shop) is None]
        t.fail("missing-slot",
               zh=f"compare({shops}) 返回了 {result}：传入了 {len(shops)} 家店，列表里却只有 {len(result)} 项，"
                  f"失败的 {', '.join(failed)} 被从列表里去掉了。它的位置应当是 None，这样每个价格都和它的店铺对得上。",
               en=f"compare({shops}) returned {result}: a list of {len(result)} for {len(shops)} shops, the failed "
                  f"{', '.join(failed)} dropped from the list. Its slot should be None, so that every price still "
                  "lines up with its shop.")
    t.equal(result, expected)


def guarded(t, shops):
    """compare(shops) with what it raised, if anything, described by the scenario."""
    t.function("compare", coroutine=True)
    run = t.measure(t.scenario("compare_caught"), shops)
    outcome = run.result if isinstance(run.result, dict) else {}
    return run, outcome.get("result"), outcome.get("raised")


def check_raised(t, raised, shops):
    """compare() itself raised: ConnectionError from a plain gather, an ExceptionGroup from a TaskGroup."""
    if not raised:
        return
    if raised["connection"]:
        raise Failure({
            "zh": f"compare({shops}) 中一家店失败时，整个 compare() 抛出了异常（{raised['repr']}），其他店的价格全丢了。"
                  "给 asyncio.gather 加上 return_exceptions=True，异常会作为结果返回，再把它换成 None。",
            "en": f"When one shop failed, the whole compare({shops}) raised ({raised['repr']}) and the other prices "
                  "were lost. Pass return_exceptions=True to asyncio.gather: the exception comes back as a result, "
                  "which you then turn into None.",
        }, "exception")
    if raised["group"] and "TaskGroup" not in raised["text"]:
        inner = ", ".join(raised["inner"]) or "—"
        raise Failure({
            "zh": f"compare({shops}) 抛出了 {raised['type']}（{raised['text']}；里面是 {inner}），其他店的价格全丢了："
                  "compare() 本身不应抛出异常。失败的店在列表中的位置为 None。",
            "en": f"compare({shops}) raised {raised['type']} ({raised['text']}; inside: {inner}) and the other prices "
                  "were lost: compare() itself should not raise. A failed shop's slot in the list is None.",
        }, "exception")
    if raised["group"]:
        inner = ", ".join(raised["inner"]) or "—"
        raise Failure({
            "zh": f"compare({shops}) 抛出了 {raised['type']}（{raised['text']}；里面是 {inner}）：TaskGroup 里有一个任务"
                  "抛出异常时，它会取消其余任务，再把异常包成 ExceptionGroup 抛出，其他店的价格全丢了。"
                  "在每个任务里自己捕获 ConnectionError（例如用一个返回 None 的包装协程），"
                  "或者改用 asyncio.gather(..., return_exceptions=True)。",
            "en": f"compare({shops}) raised {raised['type']} ({raised['text']}; inside: {inner}): when a task of a "
                  "TaskGroup raises, the group cancels the other tasks and raises the error wrapped in an "
                  "ExceptionGroup, so the other prices were lost. Catch ConnectionError inside each task (a wrapper "
                  "coroutine that returns None, say), or use asyncio.gather(..., return_exceptions=True).",
        }, "exception")
    t.measure(t.function("compare", coroutine=True), shops)  # reports the exception as it is


@test("order", zh="结果顺序与 shops 参数一致，而不是完成的先后顺序",
      en="Results follow the order of `shops`, not the order of completion", weight=2)
def order(t):
    run = t.measure(t.function("compare", coroutine=True), ["jd", "taobao", "pdd"])
    check_order(t, run.result, ["jd", "taobao", "pdd"])


@test("concurrent", zh="三家店并发查询：约 1.5 秒（最慢的那家），不是 3 秒",
      en="The three shops are queried concurrently: about 1.5 s (the slowest), not 3 s", weight=2)
def concurrent(t):
    run = t.measure(t.function("compare", coroutine=True), ["jd", "taobao", "pdd"])
    t.all_awaited(run)
    t.about(run, 1.5, sequential=3)
    t.min_in_flight(run, 3)


@test("failure", zh="一家店失败：它的位置为 None，其他价格照常返回",
      en="One shop fails: its slot is None, the other prices still come back", weight=2)
def failure(t):
    shops = ["jd", "broken", "pdd"]
    run, result, raised = guarded(t, shops)
    check_raised(t, raised, shops)
    check_order(t, result, shops)
    t.about(run, 1.5, sequential=3.3)


@test("failure-first", zh="失败的店排在最前面也不影响后面的店：约 1.5 秒后返回 [None, 5999]",
      en="A failing shop listed first does not stop the others: [None, 5999] after about 1.5 s")
def failure_first(t):
    shops = ["broken", "jd"]
    run, result, raised = guarded(t, shops)
    check_raised(t, raised, shops)
    check_order(t, result, shops)
    t.about(run, 1.5, sequential=2.3)
