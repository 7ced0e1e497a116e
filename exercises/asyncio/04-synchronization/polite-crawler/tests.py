from awaitable.testing import test

URLS = [f"https://api.example.com/{index}" for index in range(100)]

# The routes of exercise.json's io (latency in s, status): requests that take
# different times and answer different statuses, as real pages do.
KINDS = {"slow": (3.0, 200), "fast": (0.25, 200), "gone": (0.5, 404), "error": (1.5, 503), "page": (1.0, 200)}
PATTERN = ["slow", "fast", "fast", "gone", "fast", "error", "fast", "gone", "fast", "fast", "fast", "page"]
MIXED = [f"https://api.example.com/{PATTERN[index % len(PATTERN)]}/{index}" for index in range(40)]
MIXED_STATUSES = [KINDS[PATTERN[index % len(PATTERN)]][1] for index in range(40)]
# With 10 at a time, a new request as soon as one ends: 4.75 s; fixed batches of 10: 12 s; one at a time: 28.75 s.
MIXED_SECONDS = 4.75
MIXED_SUM = 28.75
LIMIT = 10
EPSILON = 1e-6


def semaphore_waits(run):
    """Some task of the run waited on a semaphore's acquire()."""
    return any(event["kind"] == "suspend" and event.get("on") in ("Semaphore.acquire", "BoundedSemaphore.acquire")
               for event in run.events)


def as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else value


def fetch_all(t, urls):
    return t.measure(t.function("fetch_all", coroutine=True), urls)


def check_cap(t, run, count):
    peak = run.peak_in_flight
    if peak <= LIMIT:
        return
    if not semaphore_waits(run):
        t.fail("unbounded-concurrency",
               zh=f"运行记录显示同一时刻有 {peak} 个请求在进行（共 {count} 个 URL），而且没有任何任务在信号量上等待过：没有什么拦住它们。"
                  "要么根本没有信号量，要么每个请求各用一个新的信号量（每个都有自己的 10 个空名额），要么 async with 没有包住请求本身。"
                  "在 fetch_all 里创建一个 asyncio.Semaphore(10)，传给每个请求共用，并在 session.get 外面写 async with semaphore:。",
               en=f"The trace shows {peak} requests in flight at once ({count} URLs), and no task ever waited on a "
                  "semaphore: nothing held them back. Either there is no semaphore, or each request gets a new one (each "
                  "with its own 10 free slots), or async with does not wrap the request itself. Create one "
                  "asyncio.Semaphore(10) in fetch_all, share it for every request, and put async with semaphore: around "
                  "session.get.")
    t.fail("unbounded-concurrency",
           zh=f"运行记录显示同一时刻有 {peak} 个请求在进行（最多应为 10 个）：确实有任务在信号量上等待过，但放进去的多于 10 个。"
              "检查信号量的名额数，以及是否所有请求共用同一个信号量。",
           en=f"The trace shows {peak} requests in flight at once (10 at most): tasks did wait on a semaphore, but more "
              "than 10 got through. Check the semaphore's number of slots, and that every request shares the same one.")


def check_enough(t, run, seconds, count):
    """Ten at a time are allowed: a peak between 2 and 9 under-uses it (1 is left to t.about's diagnosis)."""
    peak = run.peak_in_flight
    if 1 < peak < LIMIT and run.elapsed > seconds + 0.01:
        t.fail("under-limit",
               zh=f"{count} 个请求用了 {run.elapsed:g} 秒（期望约 {seconds:g} 秒）：运行记录显示同一时刻最多只有 {peak} 个请求在进行，"
                  "而允许的是 10 个。信号量要有 10 个名额：asyncio.Semaphore(10)。",
               en=f"{count} requests took {run.elapsed:g} s (expected about {seconds:g} s): the trace shows at most {peak} "
                  "requests in flight at once, where 10 are allowed. Give the semaphore 10 slots: asyncio.Semaphore(10).")


def spans(run, urls):
    wanted = set(urls)
    return [(record["start"], record["end"] if record["end"] is not None else run.elapsed, record["url"])
            for record in run.requests if record["url"] in wanted]


def intervals(run, urls):
    """(from, to, requests in flight, URLs not requested yet) between the moments a request started or ended."""
    pairs = spans(run, urls)
    moments = sorted({round(moment, 6) for first, last, _ in pairs for moment in (first, last)} | {0.0})
    never = len(urls) - len({url for _, _, url in pairs})
    found = []
    for start, end in zip(moments, moments[1:]):
        if end - start < EPSILON:
            continue
        flying = sum(1 for first, last, _ in pairs if first <= start + EPSILON and last > start + EPSILON)
        waiting = never + sum(1 for first, _, _ in pairs if first > start + EPSILON)
        found.append((start, end, flying, waiting))
    return found


def batches(run, urls):
    """The start moments, if the requests ran in groups each starting when the previous group's slowest ended."""
    groups = {}
    for first, last, _ in spans(run, urls):
        groups.setdefault(round(first, 6), []).append(last)
    starts = sorted(groups)
    if len(starts) < 2:
        return None
    for before, after in zip(starts, starts[1:]):
        if abs(max(groups[before]) - after) > EPSILON:
            return None
    return starts


def seconds_list(moments, limit=6):
    shown = ", ".join(f"{moment:g}" for moment in moments[:limit])
    return shown + (", …" if len(moments) > limit else "")


def in_completion_order(run, result):
    """``result`` lists the statuses of MIXED in the order their answers arrived
    (answers arriving at the same moment may come in any order among themselves)."""
    ended = {}
    for record in run.requests:
        ended.setdefault(record["url"], record["end"])
    if any(ended.get(url) is None for url in MIXED):
        return False
    moments = {}
    for url, status in zip(MIXED, MIXED_STATUSES):
        moments.setdefault(round(ended[url], 6), []).append(status)
    position = 0
    for moment in sorted(moments):
        group = moments[moment]
        if sorted(map(str, result[position:position + len(group)])) != sorted(map(str, group)):
            return False
        position += len(group)
    return True


@test("statuses", zh="按 urls 的顺序返回状态码（请求耗时不一、状态码不同时也一样）",
      en="Returns the status codes in the order of urls (also when the requests take different times and answer different statuses)")
def statuses(t):
    run = fetch_all(t, MIXED)
    result = as_list(run.result)
    if isinstance(result, list) and result != MIXED_STATUSES and sorted(map(str, result)) == sorted(map(str, MIXED_STATUSES)):
        if in_completion_order(run, result):
            t.fail("completion-order",
                   zh=f"请求的耗时（0.25～3 秒）和状态码（200、404、503）各不相同时，返回的是 {result[:8]}…：状态码都对，"
                      f"但排成了响应到达的先后顺序，而不是 urls 的顺序（期望 {MIXED_STATUSES[:8]}…）。按完成顺序收集"
                      "（as_completed 之后 append）会这样；用 gather（它按传入的顺序返回），或者按下标把结果放回对应位置。",
                   en=f"With requests of different lengths (0.25 to 3 s) and statuses (200, 404, 503) the result was "
                      f"{result[:8]}…: the right statuses, but in the order the answers arrived, not in the order of urls "
                      f"(expected {MIXED_STATUSES[:8]}…). Collecting in completion order (as_completed, then append) does "
                      "that; use gather (it returns in the order it was given), or put each result back at its URL's index.")
        t.fail("order",
               zh=f"请求的耗时和状态码各不相同时，返回的状态码都对，但顺序不对：期望 {MIXED_STATUSES[:8]}…，实际 {result[:8]}…。"
                  "结果要按 urls 的顺序排列。",
               en=f"With requests of different lengths and statuses, the statuses were right but in the wrong order: "
                  f"expected {MIXED_STATUSES[:8]}…, got {result[:8]}…. The results must follow the order of urls.")
    t.equal(result, MIXED_STATUSES)
    run = fetch_all(t, URLS)
    t.equal(as_list(run.result), [200] * 100)


@test("at-most-ten", zh="同一时刻最多 10 个请求", en="At most 10 requests at any moment", weight=2)
def at_most_ten(t):
    run = fetch_all(t, URLS)
    check_cap(t, run, len(URLS))


@test("ten-seconds", zh="100 个 1 秒的请求、并发 10 个：约 10 秒", en="100 requests of 1 s, 10 at a time: about 10 s", weight=2)
def ten_seconds(t):
    run = fetch_all(t, URLS)
    check_cap(t, run, len(URLS))
    check_enough(t, run, 10, len(URLS))
    t.about(run, 10, sequential=100)
    t.min_in_flight(run, 10)


@test("next-starts-at-once", zh="请求耗时不一时：一个请求结束，下一个就开始（40 个 URL：约 4.75 秒）",
      en="With requests of different lengths, the next one starts as soon as one ends (40 URLs: about 4.75 s)", weight=2)
def next_starts_at_once(t):
    run = fetch_all(t, MIXED)
    check_cap(t, run, len(MIXED))
    if run.peak_in_flight <= 1:
        t.about(run, MIXED_SECONDS, sequential=MIXED_SUM)
    check_enough(t, run, MIXED_SECONDS, len(MIXED))
    idle = [entry for entry in intervals(run, MIXED) if entry[2] < LIMIT and entry[3] > 0]
    if idle:
        start, end, flying, waiting = idle[0]
        groups = batches(run, MIXED)
        if groups:
            t.fail("batches",
                   zh=f"请求耗时不一（0.25～3 秒）时，40 个 URL 用了 {run.elapsed:g} 秒（期望约 {MIXED_SECONDS:g} 秒）："
                      f"请求是一批一批开始的（在第 {seconds_list(groups)} 秒），每一批都要等上一批里最慢的那个结束。"
                      f"例如从第 {start:g} 秒到第 {end:g} 秒只有 {flying} 个请求在进行，而还有 {waiting} 个 URL 在等。"
                      "固定分批（每次 gather 10 个）就会这样；改用一个共享的 asyncio.Semaphore(10)，让所有请求一起开始、"
                      "在 async with 里排队，任何一个结束，下一个就立刻开始。",
                   en=f"With requests of different lengths (0.25 to 3 s) the 40 URLs took {run.elapsed:g} s (expected "
                      f"about {MIXED_SECONDS:g} s): the requests started in batches (at {seconds_list(groups)} s), each "
                      f"batch waiting for the slowest request of the one before. From {start:g} s to {end:g} s, for "
                      f"instance, only {flying} request(s) were in flight while {waiting} URL(s) were waiting. Fixed "
                      "batches (a gather of 10 at a time) do that; use one shared asyncio.Semaphore(10) instead, start "
                      "every request and let them queue in async with: as soon as any one ends, the next starts.")
        t.fail("idle-slot",
               zh=f"请求耗时不一（0.25～3 秒）时，从第 {start:g} 秒到第 {end:g} 秒只有 {flying} 个请求在进行，"
                  f"而允许 10 个，还有 {waiting} 个 URL 没有请求：空出来的名额没有马上用上。"
                  "所有请求共用一个 asyncio.Semaphore(10)，任何一个结束，下一个就应该立刻开始。",
               en=f"With requests of different lengths (0.25 to 3 s), from {start:g} s to {end:g} s only {flying} "
                  f"request(s) were in flight while 10 are allowed and {waiting} URL(s) had not been requested: a freed "
                  "slot was not used at once. With one asyncio.Semaphore(10) shared by every request, the next request "
                  "starts as soon as any one ends.")
    t.about(run, max(last for _, last, _ in spans(run, MIXED)))
