from awaitable.testing import Failure, test

URLS = [f"https://api.example.com/{index}" for index in range(3)]


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


@test("tea", zh="brew_tea() 等 1 秒、不阻塞，返回 'tea'", en="brew_tea() waits 1 s without blocking and returns 'tea'")
def tea(t):
    run = t.measure(t.function("brew_tea", coroutine=True))
    t.all_awaited(run)
    t.no_blocking(run)
    t.about(run, 1)
    t.equal(run.result, "tea")
    t.order(run, ["开始烧水", "水开了"])


@test("statuses-concurrent", zh="三个 fetch_status 并发：约 2 秒，返回 200", en="Three fetch_status calls at once: about 2 s, each returns 200", weight=2)
def statuses_concurrent(t):
    t.function("fetch_status", coroutine=True)
    run = t.measure(t.scenario("gather_statuses"), URLS)
    t.about(run, 2, sequential=6)
    t.no_blocking(run)
    if run.result != [200, 200, 200]:
        fail("output", f"应返回 [200, 200, 200]，实际为 {run.result!r}：fetch_status 要返回状态码（aiohttp 里是 response.status）。",
             f"Expected [200, 200, 200], got {run.result!r}: fetch_status must return the status code (response.status in aiohttp).")


@test("morning", zh="morning() 约 2 秒返回 ['tea', 200, 200, 200]，不是 7 秒", en="morning() returns ['tea', 200, 200, 200] after about 2 s, not 7 s", weight=2)
def morning(t):
    run = t.measure(t.function("morning", coroutine=True), URLS)
    t.about(run, 2, sequential=7)
    t.no_blocking(run)
    t.all_awaited(run)
    t.min_in_flight(run, 4)
    if run.result != ["tea", 200, 200, 200]:
        fail("output", f"应返回 ['tea', 200, 200, 200]，实际为 {run.result!r}。", f"Expected ['tea', 200, 200, 200], got {run.result!r}.")
