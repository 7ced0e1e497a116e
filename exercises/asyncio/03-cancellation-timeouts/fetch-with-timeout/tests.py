from awaitable.testing import test

FAST = "https://fast.example.com"
MEDIUM = "https://medium.example.com"
SLOW = "https://slow.example.com"
NAMES = {FAST: "FAST", MEDIUM: "MEDIUM", SLOW: "SLOW"}
LATENCY = {FAST: 0.5, MEDIUM: 1.5, SLOW: 5.0}  # the given fetch() (the prompt)

# More URLs for fetch_all, with uneven latencies (added to the module's LATENCY by the scenario), timeout 1 s.
UNEVEN = {
    "https://a.example.com": 0.3,
    "https://b.example.com": 1.4,
    "https://c.example.com": 0.9,
    "https://d.example.com": 2.2,
    "https://e.example.com": 0.6,
    "https://f.example.com": 1.1,
}
UNEVEN_TIMEOUT = 1.0


def body(url):
    return f"<html>{url}</html>"


def expected_results(latencies, urls, timeout):
    return [body(url) if latencies[url] < timeout else None for url in urls]


def name(url):
    return NAMES.get(url, url.removeprefix("https://"))


def fail_timeout_error(t, url, timeout):
    """fetch_with_timeout raised TimeoutError: say where it came from, as the traceback shows."""
    error = t.last_run.error or {}
    where = str(error.get("traceback", ""))
    line = error.get("line")
    at = f"（第 {line} 行）" if line else ""
    at_en = f" (line {line})" if line else ""
    if "timeouts.py" in where and "__aexit__" in where:
        t.fail("exception",
               zh=f"fetch_with_timeout({name(url)}, {timeout:g}) 抛出了 TimeoutError，而不是返回 None。它是从 "
                  f"async with asyncio.timeout(...){at} 离开时抛出的：在块里面，被打断的请求收到的是 CancelledError；"
                  "asyncio.timeout 要到离开 async with 时才把它变成 TimeoutError，所以写在块里面的 except TimeoutError 捕获不到。"
                  "把 try/except TimeoutError 放在 async with 外面。",
               en=f"fetch_with_timeout({name(url)}, {timeout:g}) raised TimeoutError instead of returning None. It was "
                  f"raised as the async with asyncio.timeout(...){at_en} block was left: inside the block the interrupted "
                  "request gets CancelledError, which asyncio.timeout turns into TimeoutError only as the block is left, "
                  "so an except TimeoutError inside the block never sees it. Put the try/except TimeoutError around the "
                  "async with.")
    if "wait_for" in where:
        t.fail("exception",
               zh=f"fetch_with_timeout({name(url)}, {timeout:g}) 抛出了 TimeoutError，而不是返回 None。它来自 asyncio.wait_for"
                  f"{at}：超时时 wait_for 取消里面的请求（请求内部收到的是 CancelledError），再向调用方抛出 asyncio.TimeoutError"
                  "（Python 3.11 起就是内置的 TimeoutError）。用 try/except asyncio.TimeoutError 包住这个 await，返回 None。",
               en=f"fetch_with_timeout({name(url)}, {timeout:g}) raised TimeoutError instead of returning None. It came "
                  f"out of asyncio.wait_for{at_en}: on timeout wait_for cancels the inner request (which gets "
                  "CancelledError inside) and raises asyncio.TimeoutError (the built-in TimeoutError since Python 3.11) "
                  "to its caller. Wrap that await in try/except asyncio.TimeoutError and return None.")
    t.fail("exception",
           zh=f"fetch_with_timeout({name(url)}, {timeout:g}) 抛出了 TimeoutError{at}，而不是返回 None：超时时调用方收到的是 "
              "TimeoutError（被取消的请求内部收到的才是 CancelledError）。捕获它，返回 None。",
           en=f"fetch_with_timeout({name(url)}, {timeout:g}) raised TimeoutError{at_en} instead of returning None: on "
              "timeout the caller gets TimeoutError (CancelledError is what the cancelled request gets inside). Catch it "
              "and return None.")


@test("in-time", zh="来得及的请求：fetch_with_timeout(FAST, 2) 约 0.5 秒后返回页面",
      en="A request in time: fetch_with_timeout(FAST, 2) returns the page after about 0.5 s")
def in_time(t):
    for url, timeout in ((FAST, 2), (MEDIUM, 3)):
        run = t.measure(t.function("fetch_with_timeout", coroutine=True), url, timeout)
        t.all_awaited(run)
        t.equal(run.result, body(url))
        t.about(run, LATENCY[url])


@test("timeout", zh="超时的请求：fetch_with_timeout(SLOW, 2) 在 2 秒时返回 None，不抛异常",
      en="A request that times out: fetch_with_timeout(SLOW, 2) returns None at 2 s, without raising", weight=2)
def timeout(t):
    for timeout in (2, 1.25):
        run = t.measure(t.function("fetch_with_timeout", coroutine=True), SLOW, timeout, allow_exception=True)
        if isinstance(run.exception, TimeoutError):
            fail_timeout_error(t, SLOW, timeout)
        if run.exception is not None:
            t.measure(t.function("fetch_with_timeout", coroutine=True), SLOW, timeout)
        if run.elapsed >= 4.99:
            t.fail("timing",
                   zh=f"用了 {run.elapsed:g} 秒：请求完整地跑完了 5 秒才判断超时。事后检查用时并不能让请求提前结束；"
                      f"用 asyncio.wait_for(..., timeout=...)（或 asyncio.timeout），它会在 {timeout:g} 秒时取消请求。",
                   en=f"It took {run.elapsed:g} s: the request ran its full 5 s before the timeout was noticed. Checking "
                      "the time afterwards does not end the request early; asyncio.wait_for(..., timeout=...) (or "
                      f"asyncio.timeout) cancels it at {timeout:g} s.")
        t.equal(run.result, None)
        if abs(run.elapsed - timeout) > 0.01:
            t.fail("timing",
                   zh=f"fetch_with_timeout(SLOW, {timeout:g}) 在第 {run.elapsed:g} 秒返回了 None，应在第 {timeout:g} 秒："
                      "期限要用传进来的参数 timeout。",
                   en=f"fetch_with_timeout(SLOW, {timeout:g}) returned None at {run.elapsed:g} s, expected at {timeout:g} s: "
                      "the deadline is the timeout argument it is given.")


@test("inner-cancelled", zh="超时后，里面的请求被取消，不会在后台继续运行",
      en="After the timeout the inner request is cancelled; it does not go on in the background", weight=2)
def inner_cancelled(t):
    t.function("fetch_with_timeout", coroutine=True)
    run = t.measure(t.scenario("timeout_then_background"), SLOW, 2, allow_exception=True)
    if run.exception is not None:
        return  # the "timeout" test reports it
    result, seen, returned_at, later, ended_at = run.result
    if SLOW not in seen and SLOW in later:
        t.fail("missing-await",
               zh=f"fetch_with_timeout 在第 {returned_at:g} 秒返回时，请求还没有真正停下（CANCELLED 里还没有它），"
                  "之后才被取消：task.cancel() 只是请求取消。取消之后要 await 这个任务，等它真正结束再返回。",
               en=f"When fetch_with_timeout returned at {returned_at:g} s the request had not really stopped yet (it was "
                  "not in CANCELLED), and was cancelled only afterwards: task.cancel() only requests cancellation. Await "
                  "the task after cancelling it, so it has ended before you return.")
    if SLOW not in seen and returned_at >= 4.99:
        t.fail("timing",
               zh=f"fetch_with_timeout 到第 {returned_at:g} 秒才返回，这时请求已经自己完成了，从来没有被取消：超时要在第 2 秒取消它"
                  "（见 timeout 测试）。",
               en=f"fetch_with_timeout returned only at {returned_at:g} s, when the request had finished by itself: it "
                  "was never cancelled. The timeout must cancel it at 2 s (see the timeout test).")
    if SLOW not in seen and returned_at < 4.99:
        t.fail("timing",
               zh=f"fetch_with_timeout 在第 {returned_at:g} 秒超时返回了，但请求没有被取消，仍在后台运行（直到第 {ended_at:g} 秒才结束）。"
                  "超时要取消请求：asyncio.wait_for 和 asyncio.timeout 会自动做到；用 asyncio.wait 时要自己 task.cancel()。",
               en=f"fetch_with_timeout returned at {returned_at:g} s after the timeout, but the request was not cancelled "
                  f"and kept running in the background (until {ended_at:g} s). A timeout must cancel the request: "
                  "asyncio.wait_for and asyncio.timeout do it for you; with asyncio.wait you must call task.cancel() "
                  "yourself.")
    t.about(run, 2)


def check_results(t, results, latencies, urls, timeout):
    """fetch_all's results: each URL's own, in the order of urls."""
    expected = expected_results(latencies, urls, timeout)
    if not isinstance(results, list) or len(results) != len(expected) or results == expected:
        return
    shown = [name(url) for url in urls]
    if sorted(results, key=repr) == sorted(expected, key=repr):
        finish_order = sorted(range(len(urls)), key=lambda index: min(latencies[urls[index]], timeout))
        in_finish_order = [expected[index] for index in finish_order]
        if results == in_finish_order:
            t.fail("order",
                   zh=f"fetch_all({shown}, {timeout:g}) 的结果都对，但顺序是请求完成的先后顺序：{results}。"
                      "结果要按 urls 的顺序排列（asyncio.gather 按参数顺序返回；用 as_completed 时要按下标放回原位）。",
                   en=f"fetch_all({shown}, {timeout:g}) got the right results but in the order the requests finished: "
                      f"{results}. Return them in the order of urls (asyncio.gather keeps the order of its arguments; with "
                      "as_completed, put each result back at its index).")
        t.fail("order",
               zh=f"fetch_all({shown}, {timeout:g}) 的结果都对，但顺序不对：期望 {expected}，实际 {results}。结果要按 urls 的顺序排列。",
               en=f"fetch_all({shown}, {timeout:g}) got the right results in the wrong order: expected {expected}, got "
                  f"{results}. Return them in the order of urls.")
    late = [name(url) for url, got, want in zip(urls, results, expected) if got is not None and want is None]
    if late:
        took = "、".join(f"{name(url)} {latencies[url]:g}s" for url in urls if name(url) in late)
        took_en = ", ".join(f"{name(url)} {latencies[url]:g} s" for url in urls if name(url) in late)
        t.fail("timing",
               zh=f"fetch_all({shown}, {timeout:g}) 返回了 {late} 的页面，可这些请求比 {timeout:g} 秒的期限还慢（{took}）："
                  "每个请求都要在传进来的 timeout 秒时放弃，返回 None。",
               en=f"fetch_all({shown}, {timeout:g}) returned pages for {late}, whose requests are slower than the "
                  f"{timeout:g} s timeout ({took_en}): each request must give up after the timeout it is given and "
                  "return None.")
    lost = [name(url) for url, got, want in zip(urls, results, expected) if got is None and want is not None]
    if lost:
        t.fail("lost-results",
               zh=f"fetch_all({shown}, {timeout:g}) 返回了 {results}：{lost} 的请求在 {timeout:g} 秒的期限内就能完成，"
                  "结果却是 None。每个请求要有自己的期限（对每个 URL 分别调用 fetch_with_timeout），一个慢请求不能连累其他请求的结果。",
               en=f"fetch_all({shown}, {timeout:g}) returned {results}: the requests for {lost} finish within the "
                  f"{timeout:g} s timeout, yet came back None. Each request needs its own timeout (fetch_with_timeout for "
                  "each URL), so one slow request does not cost the others their results.")


@test("concurrent", zh="fetch_all([FAST, SLOW, MEDIUM], 2)：各自超时、并发进行，约 2 秒返回 [页面, None, 页面]",
      en="fetch_all([FAST, SLOW, MEDIUM], 2): separate timeouts, run concurrently: [page, None, page] in about 2 s",
      weight=2)
def concurrent(t):
    urls = [FAST, SLOW, MEDIUM]
    run = t.measure(t.function("fetch_all", coroutine=True), urls, 2)
    t.all_awaited(run)
    t.no_blocking(run)
    results = list(run.result) if isinstance(run.result, (list, tuple)) else run.result
    check_results(t, results, LATENCY, urls, 2)
    t.equal(results, [body(FAST), None, body(MEDIUM)])
    if abs(run.elapsed - LATENCY[SLOW]) <= 0.01:
        t.fail("timing",
               zh=f"fetch_all 用了 {run.elapsed:g} 秒，正是 SLOW 完整的耗时：超时没有打断 SLOW 的请求，而是等它自己结束了。",
               en=f"fetch_all took {run.elapsed:g} s, SLOW's full time: the timeout did not interrupt SLOW's request, "
                  "which was left to finish by itself.")
    t.about(run, 2, sequential=4)
    urls = list(UNEVEN)
    run = t.measure(t.scenario("fetch_all_uneven"), UNEVEN, urls, UNEVEN_TIMEOUT)
    state = run.result
    if not state["table"]:
        return  # the module has no LATENCY table to add the URLs to
    check_results(t, state["results"], UNEVEN, urls, UNEVEN_TIMEOUT)
    t.equal(state["results"], expected_results(UNEVEN, urls, UNEVEN_TIMEOUT))
    if run.peak_in_flight < len(urls):
        t.fail("sequential",
               zh=f"fetch_all 处理 {len(urls)} 个 URL 时，运行记录显示同一时刻最多只有 {run.peak_in_flight} 个请求在进行："
                  "所有请求应当同时进行。",
               en=f"With {len(urls)} URLs the trace shows at most {run.peak_in_flight} request(s) in flight at once in "
                  "fetch_all: every request should run at the same time.")
    t.about(state["returned_at"], UNEVEN_TIMEOUT)
