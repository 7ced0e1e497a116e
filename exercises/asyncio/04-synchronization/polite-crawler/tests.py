from awaitable.testing import test

URLS = [f"https://api.example.com/{index}" for index in range(100)]


@test("statuses", zh="按顺序返回 100 个状态码", en="Returns the 100 status codes in order")
def statuses(t):
    run = t.measure(t.function("fetch_all", coroutine=True), URLS)
    t.equal(run.result, [200] * 100)


@test("at-most-ten", zh="同一时刻最多 10 个请求", en="At most 10 requests at any moment", weight=2)
def at_most_ten(t):
    run = t.measure(t.function("fetch_all", coroutine=True), URLS)
    t.max_in_flight(run, 10)


@test("ten-seconds", zh="100 个 1 秒的请求、并发 10 个：约 10 秒", en="100 requests of 1 s, 10 at a time: about 10 s", weight=2)
def ten_seconds(t):
    run = t.measure(t.function("fetch_all", coroutine=True), URLS)
    t.about(run, 10, sequential=100)
    t.min_in_flight(run, 10)
