from awaitable.testing import test

EIGHT = [f"img{index}.jpg" for index in range(8)]
FIVE = [f"photo{index}.png" for index in range(5)]


@test("results", zh="按顺序返回 8 张缩略图", en="Returns the 8 thumbnails in order")
def results(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, 3)
    t.equal(list(run.result) if isinstance(run.result, (list, tuple)) else run.result,
            [f"thumb-{image}" for image in EIGHT])


@test("at-most-3", zh="limit=3：同一时刻最多 3 个 resize 在进行", en="limit=3: at most 3 resize calls at any moment",
      weight=2)
def at_most_3(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, 3)
    t.max_in_flight(run, 3)


@test("at-most-2", zh="limit=2：同一时刻最多 2 个，5 张图约 1.5 秒",
      en="limit=2: at most 2 at any moment; 5 images take about 1.5 s", weight=2)
def at_most_2(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), FIVE, 2)
    t.max_in_flight(run, 2)
    t.about(run, 1.5, sequential=2.5)


@test("throughput", zh="limit=3 时充分并发：8 张图约 1.5 秒（3 批），不是 4 秒",
      en="limit=3 is used fully: 8 images take about 1.5 s (3 rounds), not 4 s", weight=2)
def throughput(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, 3)
    t.all_awaited(run)
    t.no_blocking(run)
    t.max_in_flight(run, 3)
    t.about(run, 1.5, sequential=4)
    t.min_in_flight(run, 3)
