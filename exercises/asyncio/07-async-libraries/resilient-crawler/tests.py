from awaitable.testing import Failure, test

BASE = "https://shop.example.com"


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def http_requests(run):
    """(url, start, end) of every fake HTTP request, from the judge's record."""
    return [(record["url"], record["start"], record["end"] if record["end"] is not None else float("inf"))
            for record in run.requests if record["method"] != "FILE"]


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
    return sum(1 for requested, _, _ in http_requests(run) if requested == url)


def crawl(t, urls, **options):
    function = t.function("crawl", coroutine=True)
    return t.measure(function, urls, **options)


def check_result(run, expected):
    if run.result is None:
        fail("missing-return", "crawl 返回了 None：要返回结果列表。", "crawl returned None: return the list of results.")
    if list(run.result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {list(run.result)!r}。", f"Expected {expected!r}, got {list(run.result)!r}.")


@test("ok-in-order", zh="6 个正常 URL、limit=3：按顺序返回 200，约 1 秒", en="6 healthy URLs, limit=3: 200s in order, about 1 s")
def ok_in_order(t):
    urls = [f"{BASE}/ok/{index}" for index in range(6)]
    run = crawl(t, urls, limit=3)
    check_result(run, [200] * 6)
    t.no_blocking(run)
    t.about(run, 1.0, sequential=3.0)


@test("bounded", zh="同一时刻最多 limit 个请求", en="Never more than limit requests at once", weight=2)
def bounded(t):
    urls = [f"{BASE}/ok/{index}" for index in range(9)]
    run = crawl(t, urls, limit=3)
    peak = peak_requests(run)
    if peak > 3:
        fail("unbounded-concurrency", f"同一时刻有 {peak} 个请求在进行，limit 是 3：每次请求都要先拿到 asyncio.Semaphore(limit) 的名额。",
             f"{peak} requests were in flight at once with limit 3: every request must first get a slot of asyncio.Semaphore(limit).")
    t.about(run, 1.5, sequential=4.5)


@test("retry-503", zh="503 重试 2 次并指数退避（0.5 秒、1 秒），最后返回 None", en="A 503 is retried twice with exponential backoff (0.5 s, 1 s), then None", weight=2)
def retry_503(t):
    url = f"{BASE}/down/1"
    run = crawl(t, [url])
    count = count_requests(run, url)
    if count != 3:
        fail("output", f"对 {url} 发了 {count} 次请求，应为 3 次（1 次 + 重试 2 次）：5xx 是暂时性错误，要重试。",
             f"{url} was requested {count} times; expected 3 (1 + 2 retries): a 5xx is temporary and must be retried.")
    check_result(run, [None])
    t.about(run, 0.2 + 0.5 + 0.2 + 1.0 + 0.2)


@test("timeout", zh="慢接口每次 1 秒超时，重试后返回 None（约 4.5 秒，不是 5 秒）", en="A slow endpoint times out after 1 s per attempt and ends as None (about 4.5 s, not 5 s)", weight=2)
def timeout(t):
    url = f"{BASE}/slow/1"
    run = crawl(t, [url])
    t.about(run, 1 + 0.5 + 1 + 1.0 + 1)
    check_result(run, [None])
    count = count_requests(run, url)
    if count != 3:
        fail("output", f"对 {url} 发了 {count} 次请求，应为 3 次：超时也要重试。", f"{url} was requested {count} times; expected 3: a timeout is retried too.")


@test("no-retry-4xx", zh="404 不重试，直接返回 404", en="A 404 is not retried; it is returned as is")
def no_retry_4xx(t):
    missing, ok = f"{BASE}/missing/1", f"{BASE}/ok/1"
    run = crawl(t, [missing, ok])
    count = count_requests(run, missing)
    if count != 1:
        fail("output", f"对 {missing} 发了 {count} 次请求：4xx 是请求本身的问题，重试没用，应该只请求 1 次。",
             f"{missing} was requested {count} times: a 4xx is the request's own fault, retrying will not help; request it once.")
    check_result(run, [404, 200])
    t.about(run, 0.5)


@test("mixed", zh="混合 URL、limit=2：结果顺序正确，最多 2 个请求，退避时不占名额", en="Mixed URLs, limit=2: results in order, at most 2 requests, no slot held while backing off", weight=2)
def mixed(t):
    urls = [f"{BASE}/down/1", f"{BASE}/ok/1", f"{BASE}/slow/1", f"{BASE}/ok/2", f"{BASE}/missing/1", f"{BASE}/ok/3"]
    run = crawl(t, urls, limit=2)
    check_result(run, [None, 200, None, 200, 404, 200])
    peak = peak_requests(run)
    if peak > 2:
        fail("unbounded-concurrency", f"同一时刻有 {peak} 个请求，limit 是 2。", f"{peak} requests at once with limit 2.")
    if abs(run.elapsed - MIXED_SECONDS) > 0.01:
        t.no_blocking(run)
        fail("timing", f"按题目规则应约 {MIXED_SECONDS} 秒，实测 {run.elapsed:g} 秒。"
             + ("更慢：是不是在退避睡眠时还占着信号量名额？sleep 要放在 async with semaphore 外面。" if run.elapsed > MIXED_SECONDS else
                "更快：检查重试次数、指数退避（backoff * 2 ** k）和超时。"),
             f"By the rules this takes about {MIXED_SECONDS} s; measured {run.elapsed:g} s. "
             + ("Slower: do you hold a semaphore slot while sleeping to back off? Sleep outside async with semaphore." if run.elapsed > MIXED_SECONDS else
                "Faster: check the number of retries, the exponential backoff (backoff * 2 ** k) and the timeout."))


MIXED_SECONDS = 4.7  # worked out by hand in the prompt's rules; see solution.py
