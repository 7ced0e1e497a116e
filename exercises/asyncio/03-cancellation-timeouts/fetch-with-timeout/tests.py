from awaitable.testing import Failure, test

FAST = "https://fast.example.com"
MEDIUM = "https://medium.example.com"
SLOW = "https://slow.example.com"


def body(url):
    return f"<html>{url}</html>"


@test("in-time", zh="来得及的请求：fetch_with_timeout(FAST, 2) 约 0.5 秒后返回页面",
      en="A request in time: fetch_with_timeout(FAST, 2) returns the page after about 0.5 s")
def in_time(t):
    run = t.measure(t.function("fetch_with_timeout", coroutine=True), FAST, 2)
    t.all_awaited(run)
    t.equal(run.result, body(FAST))
    t.about(run, 0.5)


@test("timeout", zh="超时的请求：fetch_with_timeout(SLOW, 2) 在 2 秒时返回 None，不抛异常",
      en="A request that times out: fetch_with_timeout(SLOW, 2) returns None at 2 s, without raising", weight=2)
def timeout(t):
    run = t.measure(t.function("fetch_with_timeout", coroutine=True), SLOW, 2, allow_exception=True)
    if isinstance(run.exception, TimeoutError):
        raise Failure(zh="超时时 asyncio.wait_for 抛出的是 asyncio.TimeoutError（Python 3.11 起就是内置的 TimeoutError），"
                         "不是 CancelledError：被取消的是里面的请求，调用方收到的是 TimeoutError。请捕获 asyncio.TimeoutError。",
                      en="On timeout asyncio.wait_for raises asyncio.TimeoutError (the built-in TimeoutError since Python "
                         "3.11), not CancelledError: the inner request is cancelled, the caller gets TimeoutError. Catch "
                         "asyncio.TimeoutError.",
                      misconception="exception")
    if run.exception is not None:
        t.measure(t.function("fetch_with_timeout", coroutine=True), SLOW, 2)
    if run.elapsed >= 4.99:
        raise Failure(zh=f"用了 {run.elapsed:g} 秒：请求完整地跑完了 5 秒才判断超时。事后检查用时并不能让请求提前结束；"
                         "用 asyncio.wait_for(..., timeout=...)，它会在 2 秒时取消请求。",
                      en=f"It took {run.elapsed:g} s: the request ran its full 5 s before the timeout was noticed. Checking "
                         "the time afterwards does not end the request early; asyncio.wait_for(..., timeout=...) cancels "
                         "it at 2 s.",
                      misconception="timing")
    t.equal(run.result, None)
    t.about(run, 2)


@test("inner-cancelled", zh="超时后，里面的请求被取消，不会在后台继续运行",
      en="After the timeout the inner request is cancelled; it does not go on in the background", weight=2)
def inner_cancelled(t):
    t.function("fetch_with_timeout", coroutine=True)
    run = t.measure(t.scenario("timeout_then_background"), SLOW, 2, allow_exception=True)
    if run.exception is not None:
        return  # the "timeout" test reports it
    result, seen, returned_at = run.result
    if SLOW not in seen and returned_at < 4.99:
        raise Failure(zh=f"fetch_with_timeout 在超时后返回了，但请求没有被取消，仍在后台运行（直到第 {run.elapsed:g} 秒才结束）。"
                         "超时要取消请求：asyncio.wait_for 会自动做到；用 asyncio.wait 时要自己 task.cancel()。",
                      en=f"fetch_with_timeout returned after the timeout, but the request was not cancelled and kept running "
                         f"in the background (until {run.elapsed:g} s). A timeout must cancel the request: asyncio.wait_for "
                         "does it for you; with asyncio.wait you must call task.cancel() yourself.",
                      misconception="timing")
    t.about(run, 2)


@test("concurrent", zh="fetch_all([FAST, SLOW, MEDIUM], 2)：各自超时、并发进行，约 2 秒返回 [页面, None, 页面]",
      en="fetch_all([FAST, SLOW, MEDIUM], 2): separate timeouts, run concurrently: [page, None, page] in about 2 s",
      weight=2)
def concurrent(t):
    run = t.measure(t.function("fetch_all", coroutine=True), [FAST, SLOW, MEDIUM], 2)
    t.all_awaited(run)
    t.no_blocking(run)
    t.equal(list(run.result) if isinstance(run.result, (list, tuple)) else run.result, [body(FAST), None, body(MEDIUM)])
    t.about(run, 2, sequential=4)
