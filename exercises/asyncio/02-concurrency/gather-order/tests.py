from awaitable.testing import Failure, test


def check_order(t, run, expected):
    result = run.result
    if isinstance(result, list) and result != expected and sorted(map(repr, result)) == sorted(map(repr, expected)):
        raise Failure({
            "zh": f"价格都对，但顺序不对：期望 {expected}（与传入的 shops 顺序一致），实际 {result}（看起来是完成的先后顺序）。"
                  "asyncio.gather 的结果顺序总是和参数顺序一致，不需要自己按完成顺序收集。",
            "en": f"The prices are right but in the wrong order: expected {expected} (the order of `shops`), got "
                  f"{result} (which looks like the order of completion). asyncio.gather returns results in the order "
                  "of its arguments; do not collect them as they complete.",
        }, "order")
    t.equal(result, expected)


@test("order", zh="结果顺序与 shops 参数一致，而不是完成的先后顺序",
      en="Results follow the order of `shops`, not the order of completion", weight=2)
def order(t):
    run = t.measure(t.function("compare", coroutine=True), ["jd", "taobao", "pdd"])
    check_order(t, run, [5999, 5799, 5499])


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
    run = t.measure(t.function("compare", coroutine=True), ["jd", "broken", "pdd"], allow_exception=True)
    if isinstance(run.exception, ConnectionError):
        raise Failure({
            "zh": f"一家店失败时整个 compare() 抛出了异常（{run.exception!r}），其他店的价格全丢了。"
                  "给 asyncio.gather 加上 return_exceptions=True，异常会作为结果返回，再把它换成 None。",
            "en": f"When one shop failed, the whole compare() raised ({run.exception!r}) and the other prices were "
                  "lost. Pass return_exceptions=True to asyncio.gather: the exception comes back as a result, "
                  "which you then turn into None.",
        }, "exception")
    if run.exception is not None:
        t.measure(t.function("compare", coroutine=True), ["jd", "broken", "pdd"])
    check_order(t, run, [5999, None, 5499])
    t.about(run, 1.5, sequential=3.3)


@test("failure-first", zh="失败的店排在最前面也不影响后面的店：约 1.5 秒后返回 [None, 5999]",
      en="A failing shop listed first does not stop the others: [None, 5999] after about 1.5 s")
def failure_first(t):
    run = t.measure(t.function("compare", coroutine=True), ["broken", "jd"], allow_exception=True)
    if run.exception is not None:
        t.measure(t.function("compare", coroutine=True), ["broken", "jd"])
    check_order(t, run, [None, 5999])
    t.about(run, 1.5, sequential=2.3)
