from awaitable.testing import test

BASE = "https://shop.example.com"
LATENCY = {"ok": 0.5, "down": 0.2, "slow": 5.0, "missing": 0.3}  # exercise.json's routes


def latency(url):
    return LATENCY[url[len(BASE) + 1:].split("/", 1)[0]]


def short(url):
    return url[len(BASE) + 1:]


def http_requests(run):
    """(url, start, end) of every fake HTTP request, from the judge's record."""
    return [(record["url"], record["start"], record["end"] if record["end"] is not None else float("inf"))
            for record in run.requests if record["method"] != "FILE"]


def attempts(run, url):
    """(start, end) of every request to url, in the order they started."""
    return sorted((start, end) for requested, start, end in http_requests(run) if requested == url)


def in_flight_at(spans, moment):
    return sum(1 for start, end in spans if start <= moment < end)


def peak_requests(run):
    points = []
    for _, start, end in http_requests(run):
        points += [(start, 1), (end, -1)]
    peak = current = 0
    for _, delta in sorted(points):
        current += delta
        peak = max(peak, current)
    return peak


def count_requests(run, url):
    return len(attempts(run, url))


def crawl(t, urls, **options):
    function = t.function("crawl", coroutine=True)
    return t.measure(function, urls, **options)


def check_result(t, run, expected):
    if not isinstance(run.result, (list, tuple)):
        t.equal(run.result, expected)  # None, a coroutine, a Future: the shared diagnosis names it
    if list(run.result) != expected:
        t.fail("output", zh=f"应返回 {expected!r}，实际为 {list(run.result)!r}。", en=f"Expected {expected!r}, got {list(run.result)!r}.")


def check_timeout(t, run, url, timeout):
    """No request to url ran longer than timeout."""
    for start, end in attempts(run, url):
        if end - start > timeout + 0.01:
            t.fail("timing",
                   zh=f"评测记录显示，对 {short(url)} 的一次请求从 {start:g} 秒一直进行到 {end:g} 秒（{end - start:g} 秒），"
                      f"没有在 timeout={timeout:g} 秒时被截断：给每次请求设上超时，例如 "
                      "session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) 或 asyncio.wait_for(..., timeout)。",
                   en=f"The judge's record shows a request to {short(url)} running from {start:g} s to {end:g} s "
                      f"({end - start:g} s), never cut off at timeout={timeout:g} s: give every request a timeout, e.g. "
                      "session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) or asyncio.wait_for(..., timeout).")


def check_backoff(t, run, url, backoff=0.5):
    """The waits between the attempts at url are backoff * 2 ** k."""
    spans = attempts(run, url)
    waits = [round(later[0] - earlier[1], 3) for earlier, later in zip(spans, spans[1:])]
    expected = [backoff * 2 ** k for k in range(len(waits))]
    if all(abs(wait - want) <= 0.01 for wait, want in zip(waits, expected)):
        return
    shown = "、".join(f"{wait:g} 秒" for wait in waits)
    wanted = "、".join(f"{want:g} 秒" for want in expected)
    t.fail("timing",
           zh=f"评测记录显示，{short(url)} 的几次尝试之间分别等了 {shown}，应为 {wanted}：第 k 次失败后（k 从 0 开始）"
              f"等 backoff * 2 ** k 秒，每次翻倍。",
           en=f"The judge's record shows waits of {', '.join(f'{wait:g} s' for wait in waits)} between the attempts at "
              f"{short(url)}; expected {', '.join(f'{want:g} s' for want in expected)}: after failure number k (from 0) wait "
              "backoff * 2 ** k seconds, doubling each time.")


def check_slots_used(t, run, urls, limit):
    """A free slot is never left unused while some URL has not started yet: batches, or a slot held
    through a backoff, show up here."""
    requests = http_requests(run)
    spans = [(start, end) for _, start, end in requests]
    first = {url: min((start for requested, start, _ in requests if requested == url), default=None) for url in urls}
    if None in first.values():
        return
    # Batches: the first attempts start in groups of `limit`, each when the previous group's URLs were all done.
    starts = sorted(set(first.values()))
    groups = [[url for url in urls if first[url] == moment] for moment in starts]
    if len(groups) > 1 and all(len(group) == limit for group in groups[:-1]) \
            and [url for group in groups for url in group] == list(urls):
        done = [max(end for requested, _, end in requests if requested in group) for group in groups[:-1]]
        if all(abs(moment - finished) <= 0.001 for moment, finished in zip(starts[1:], done)):
            shown = " | ".join(f"{starts[index]:g}s: " + ", ".join(short(url) for url in group) for index, group in enumerate(groups))
            t.fail("batches",
                   zh=f"评测记录显示，URL 是一批一批开始的（{shown}）：每批 {limit} 个，后一批要等前一批全部结束（包括重试）才开始，"
                      f"结果耗时 {run.elapsed:g} 秒。限流应是滑动窗口：一个请求结束，它的名额马上给下一个 URL（asyncio.Semaphore(limit)）。",
                   en=f"The judge's record shows the URLs starting batch by batch ({shown}): {limit} at a time, each batch "
                      f"only after the previous one had completely finished (retries included), {run.elapsed:g} s in all. "
                      "A rate limit is a sliding window: when a request ends its slot goes to the next URL at once "
                      "(asyncio.Semaphore(limit)).")
    moments = sorted({moment for span in spans for moment in span if moment != float("inf")})
    for moment, following in zip(moments, moments[1:]):
        if following - moment < 0.005:
            continue
        waiting = [url for url in urls if first[url] >= following]
        busy = in_flight_at(spans, moment)
        if busy < limit and waiting:
            t.fail("slot-idle",
                   zh=f"评测记录显示，从 {moment:g} 秒到 {following:g} 秒只有 {busy} 个请求在进行（limit={limit}），"
                      f"而 {short(waiting[0])} 还没开始，直到 {first[waiting[0]]:g} 秒：有名额空着却没有被用上。"
                      "名额只应在请求进行时占用：退避的 sleep 放在 async with semaphore 外面，一个请求结束就让下一个开始。"
                      f"（测得 {run.elapsed:g} 秒，按题目规则约 {MIXED_SECONDS:g} 秒）",
                   en=f"The judge's record shows only {busy} request(s) in flight from {moment:g} s to {following:g} s "
                      f"(limit={limit}) while {short(waiting[0])} had not started yet, until {first[waiting[0]]:g} s: a slot "
                      "was free and nobody used it. Hold a slot only while a request is in flight: sleep to back off outside "
                      "async with semaphore, and let the next request start as soon as one ends. "
                      f"(measured {run.elapsed:g} s; by the rules about {MIXED_SECONDS:g} s)")


def check_bounded(t, run, limit):
    peak = peak_requests(run)
    if peak > limit:
        t.fail("unbounded-concurrency",
               zh=f"评测记录显示同一时刻有 {peak} 个请求在进行，limit 是 {limit}：每次请求都要先拿到 asyncio.Semaphore(limit) 的名额。",
               en=f"The judge's record shows {peak} requests in flight at once with limit {limit}: every request must first "
                  "get a slot of asyncio.Semaphore(limit).")


def check_queue_not_timed(t, run, urls, timeout):
    """No request was cut off before both its answer and the timeout: a timeout that started while queued."""
    for url in urls:
        for start, end in attempts(run, url):
            if end - start < latency(url) - 0.01 and end - start < timeout - 0.01:
                t.fail("timeout-includes-queue",
                       zh=f"评测记录显示，对 {short(url)} 的请求在 {start:g} 秒开始、{end:g} 秒就被截断了：它只进行了 {end - start:g} 秒，"
                          f"既没到 {latency(url):g} 秒的响应时间，也没到 timeout={timeout:g} 秒——超时把它排队等名额的时间也算进去了。"
                          "先拿到名额，再开始计时（超时放在 async with semaphore 里面，只包住请求本身）。",
                       en=f"The judge's record shows the request to {short(url)} starting at {start:g} s and cut off at {end:g} s: "
                          f"it had run only {end - start:g} s, short of both its {latency(url):g} s answer and timeout={timeout:g} s "
                          "— the timeout also counted the time it had queued for a slot. Take the slot first, then start the "
                          "clock (the timeout inside async with semaphore, around the request only).")


def check_attempts(t, run, url, expected, why_zh, why_en):
    count = count_requests(run, url)
    if count != expected:
        t.fail("output", zh=f"对 {short(url)} 发了 {count} 次请求，应为 {expected} 次：{why_zh}",
               en=f"{short(url)} was requested {count} times; expected {expected}: {why_en}")


@test("ok-in-order", zh="6 个正常 URL、limit=3：按顺序返回 200，约 1 秒", en="6 healthy URLs, limit=3: 200s in order, about 1 s")
def ok_in_order(t):
    urls = [f"{BASE}/ok/{index}" for index in range(6)]
    run = crawl(t, urls, limit=3)
    check_bounded(t, run, 3)
    check_queue_not_timed(t, run, urls, 1.0)
    check_result(t, run, [200] * 6)
    t.no_blocking(run)
    t.about(run, 1.0, sequential=3.0)


@test("one-session", zh="所有请求共用一个 aiohttp.ClientSession", en="Every request shares one aiohttp.ClientSession")
def one_session(t):
    t.function("crawl", coroutine=True)
    urls = [f"{BASE}/ok/1", f"{BASE}/down/1", f"{BASE}/ok/2"]
    run = t.measure(t.scenario("crawl_counted"), urls, {"limit": 2})
    sessions = run.result["sessions"]
    if sessions > 1:
        t.fail("session-per-request",
               zh=f"crawl 抓取 {len(urls)} 个 URL（共 {len(http_requests(run))} 次请求）时创建了 {sessions} 个 ClientSession"
                  "（aiohttp.request() 每次也会新建一个）：在 crawl 里创建一个会话，所有请求和重试都用它。",
               en=f"crawl made {sessions} ClientSessions for {len(urls)} URLs ({len(http_requests(run))} requests; "
                  "aiohttp.request() makes one each time too): create one session in crawl and use it for every request "
                  "and retry.")


@test("bounded", zh="同一时刻最多 limit 个请求", en="Never more than limit requests at once", weight=2)
def bounded(t):
    urls = [f"{BASE}/ok/{index}" for index in range(9)]
    run = crawl(t, urls, limit=3)
    check_bounded(t, run, 3)
    check_queue_not_timed(t, run, urls, 1.0)
    t.about(run, 1.5, sequential=4.5)


@test("retry-503", zh="503 重试 2 次并指数退避（0.5 秒、1 秒），最后返回 None", en="A 503 is retried twice with exponential backoff (0.5 s, 1 s), then None", weight=2)
def retry_503(t):
    url = f"{BASE}/down/1"
    run = crawl(t, [url])
    count = count_requests(run, url)
    if count != 3:
        t.fail("output", zh=f"对 {short(url)} 发了 {count} 次请求，应为 3 次（1 次 + 重试 2 次）：5xx 是暂时性错误，要重试。",
               en=f"{short(url)} was requested {count} times; expected 3 (1 + 2 retries): a 5xx is temporary and must be retried.")
    check_backoff(t, run, url)
    check_result(t, run, [None])
    t.about(run, 0.2 + 0.5 + 0.2 + 1.0 + 0.2)


@test("timeout", zh="慢接口每次 1 秒超时，重试后返回 None（约 4.5 秒，不是 5 秒）", en="A slow endpoint times out after 1 s per attempt and ends as None (about 4.5 s, not 5 s)", weight=2)
def timeout(t):
    url = f"{BASE}/slow/1"
    run = crawl(t, [url])
    check_timeout(t, run, url, 1.0)
    count = count_requests(run, url)
    if count != 3:
        t.fail("output", zh=f"对 {short(url)} 发了 {count} 次请求，应为 3 次：超时也要重试。",
               en=f"{short(url)} was requested {count} times; expected 3: a timeout is retried too.")
    check_backoff(t, run, url)
    check_result(t, run, [None])
    t.about(run, 1 + 0.5 + 1 + 1.0 + 1)


@test("queued-not-timed", zh="等名额的时间不算进请求的超时：4 个正常 URL、limit=1、timeout=0.8，约 2 秒全部 200",
      en="Time spent waiting for a slot is not part of a request's timeout: 4 healthy URLs, limit=1, timeout=0.8: all 200 in about 2 s")
def queued_not_timed(t):
    urls = [f"{BASE}/ok/{index}" for index in range(4)]
    run = crawl(t, urls, limit=1, timeout=0.8)
    check_bounded(t, run, 1)
    check_queue_not_timed(t, run, urls, 0.8)
    check_result(t, run, [200] * 4)
    t.about(run, 2.0)


@test("no-retry-4xx", zh="404 不重试，直接返回 404", en="A 404 is not retried; it is returned as is")
def no_retry_4xx(t):
    missing, ok = f"{BASE}/missing/1", f"{BASE}/ok/1"
    run = crawl(t, [missing, ok])
    count = count_requests(run, missing)
    if count != 1:
        t.fail("output", zh=f"对 {short(missing)} 发了 {count} 次请求：4xx 是请求本身的问题，重试没用，应该只请求 1 次。",
               en=f"{short(missing)} was requested {count} times: a 4xx is the request's own fault, retrying will not help; request it once.")
    check_result(t, run, [404, 200])
    t.about(run, 0.5)


@test("mixed", zh="混合 URL、limit=2：结果顺序正确，最多 2 个请求，退避时不占名额", en="Mixed URLs, limit=2: results in order, at most 2 requests, no slot held while backing off", weight=2)
def mixed(t):
    urls = [f"{BASE}/down/1", f"{BASE}/ok/1", f"{BASE}/slow/1", f"{BASE}/ok/2", f"{BASE}/missing/1", f"{BASE}/ok/3"]
    run = crawl(t, urls, limit=2)
    check_bounded(t, run, 2)
    check_queue_not_timed(t, run, urls, 1.0)
    for url in urls:
        check_timeout(t, run, url, 1.0)
    check_attempts(t, run, urls[0], 3, "503 要重试 2 次。", "a 503 is retried twice.")
    check_attempts(t, run, urls[2], 3, "超时要重试 2 次。", "a timeout is retried twice.")
    check_attempts(t, run, urls[4], 1, "404 不重试。", "a 404 is not retried.")
    check_result(t, run, [None, 200, None, 200, 404, 200])
    if abs(run.elapsed - MIXED_SECONDS) > 0.01:
        t.no_blocking(run)
        check_slots_used(t, run, urls, 2)
        for url in (urls[0], urls[2]):
            check_backoff(t, run, url)
    t.about(run, MIXED_SECONDS)


MIXED_SECONDS = 4.7  # worked out by hand in the prompt's rules; see solution.py
