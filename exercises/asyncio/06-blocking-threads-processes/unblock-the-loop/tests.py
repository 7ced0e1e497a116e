from awaitable.testing import Failure, StudentError, test

URLS = [f"https://api.example.com/{index}" for index in range(3)]
# exercise.json's routes: uneven latencies (3 s, 1 s, 0.5 s) and statuses other than 200.
UNEVEN = {"https://api.example.com/slow": (3.0, 200), "https://api.example.com/missing": (1.0, 404),
          "https://api.example.com/accepted": (0.5, 202)}


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def seen_first(t, run, expected, sequential):
    """What the run shows before any result: a coroutine never awaited, a blocking call
    on the loop, then an exception of the submission's (run with allow_exception)."""
    t.all_awaited(run)
    early = [entry for entry in run.blocking if entry["call"].startswith("requests.")]
    handed_response = any(event["kind"] == "job-start" and event.get("name") == "Response" for event in run.events)
    if early and handed_response:
        fail("blocking-requests", f"{early[0]['call']}（{early[0].get('detail', '')}）在事件循环上运行，阻塞了它 {early[0].get('seconds', 0):g} 秒，"
             "然后它返回的 Response 才被交给了线程：asyncio.to_thread(requests.get(url)) 会先在循环上调用 requests.get。"
             "把函数和参数分开传：await asyncio.to_thread(requests.get, url)。",
             f"{early[0]['call']} ({early[0].get('detail', '')}) ran on the event loop, blocking it for {early[0].get('seconds', 0):g} s, and only then was "
             "its Response handed to a thread: asyncio.to_thread(requests.get(url)) calls requests.get on the loop first. "
             "Pass the function and its arguments separately: await asyncio.to_thread(requests.get, url).")
    if run.blocking:
        t.about(run, expected, sequential=sequential)
        t.no_blocking(run)
    if run.exception is not None:
        raise StudentError(run.error or {})


@test("tea", zh="brew_tea() 等 1 秒、不阻塞，返回 'tea'", en="brew_tea() waits 1 s without blocking and returns 'tea'")
def tea(t):
    run = t.measure(t.function("brew_tea", coroutine=True))
    t.all_awaited(run)
    t.no_blocking(run)
    t.about(run, 1)
    t.equal(run.result, "tea")
    t.order(run, ["开始烧水", "水开了"])
    printed = {}
    for event in run.events:
        if event["kind"] == "output":
            for text in ("开始烧水", "水开了"):
                if text in event["text"]:
                    printed.setdefault(text, event["t"])
    if printed.get("水开了", 1) < 1 - 0.01 or printed.get("开始烧水", 0) > 0.01:
        fail("order", f"“开始烧水”在 {printed.get('开始烧水', 0):g} 秒打印，“水开了”在 {printed.get('水开了', 1):g} 秒打印："
             "应该先打印“开始烧水”（0 秒），等 1 秒，再打印“水开了”（1 秒）。",
             f"'开始烧水' was printed at {printed.get('开始烧水', 0):g} s and '水开了' at {printed.get('水开了', 1):g} s: "
             "print '开始烧水' first (at 0 s), wait 1 s, then print '水开了' (at 1 s).")


@test("statuses-concurrent", zh="三个 fetch_status 并发：约 2 秒，返回 200", en="Three fetch_status calls at once: about 2 s, each returns 200", weight=2)
def statuses_concurrent(t):
    t.function("fetch_status", coroutine=True)
    run = t.measure(t.scenario("gather_statuses"), URLS, allow_exception=True)
    seen_first(t, run, 2, 6)
    t.about(run, 2, sequential=6)
    t.no_blocking(run)
    if run.result != [200, 200, 200]:
        fail("output", f"应返回 [200, 200, 200]，实际为 {run.result!r}：fetch_status 要返回状态码（aiohttp 里是 response.status）。",
             f"Expected [200, 200, 200], got {run.result!r}: fetch_status must return the status code (response.status in aiohttp).")


@test("each-status", zh="快慢不一、状态码不同的 URL：每个都真的请求一次，返回各自的状态码，总耗时约等于最慢的一个", en="URLs of different speeds and statuses: each is really requested once, its own status comes back, and the whole takes about the slowest", weight=2)
def each_status(t):
    t.function("fetch_status", coroutine=True)
    urls = list(UNEVEN)
    slowest = max(latency for latency, _ in UNEVEN.values())
    total = sum(latency for latency, _ in UNEVEN.values())
    run = t.measure(t.scenario("gather_statuses"), urls, allow_exception=True)
    seen_first(t, run, slowest, total)
    counts = {url: len(run.requests_to(url)) for url in urls}
    missing = [url for url, count in counts.items() if count == 0]
    if missing:
        fail("no-request", f"评测记录里没有对 {', '.join(missing)} 的任何请求：fetch_status 返回的状态码要来自真正发出的请求"
             "（aiohttp 的 session.get(url)，或 asyncio.to_thread(requests.get, url)），不能自己写出来。",
             f"The grader recorded no request to {', '.join(missing)}: the status fetch_status returns must come from a request it really made "
             "(aiohttp's session.get(url), or asyncio.to_thread(requests.get, url)), not be made up.")
    repeated = {url: count for url, count in counts.items() if count > 1}
    if repeated:
        fail("repeated-requests", f"每个 URL 应只请求一次，评测记录的次数：{repeated!r}。",
             f"Each URL should be requested once; the grader recorded: {repeated!r}.")
    expected = [status for _, status in UNEVEN.values()]
    if run.result != expected:
        fail("output", f"这些 URL 的状态码是 {expected!r}，fetch_status 返回了 {run.result!r}：返回服务器给的状态码"
             "（aiohttp 里是 response.status，requests 里是 response.status_code），不管它是不是 200。",
             f"These URLs answer {expected!r} and fetch_status returned {run.result!r}: return the status the server sent "
             "(response.status in aiohttp, response.status_code in requests), whether or not it is 200.")
    t.about(run, slowest, sequential=total)


@test("morning", zh="morning() 约 2 秒返回 ['tea', 200, 200, 200]，不是 7 秒", en="morning() returns ['tea', 200, 200, 200] after about 2 s, not 7 s", weight=2)
def morning(t):
    run = t.measure(t.function("morning", coroutine=True), URLS, allow_exception=True)
    seen_first(t, run, 2, 7)
    t.about(run, 2, sequential=7)
    t.no_blocking(run)
    t.all_awaited(run)
    t.min_in_flight(run, 4)
    if run.result != ["tea", 200, 200, 200]:
        fail("output", f"应返回 ['tea', 200, 200, 200]，实际为 {run.result!r}。", f"Expected ['tea', 200, 200, 200], got {run.result!r}.")
