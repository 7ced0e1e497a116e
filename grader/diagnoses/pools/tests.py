# A fixture for grader/diagnoses.test.ts: main() renders three names with
# render() (0.5 s of time.sleep) in a pool of two threads: 1 s.
from awaitable.testing import test


@test("at-most-two", zh="最多 2 个同时进行", en="At most 2 at once")
def at_most_two(t):
    run = t.measure(t.function("main", coroutine=True))
    t.max_in_flight(run, 2)


@test("timing", zh="约 1 秒", en="About 1 s")
def timing(t):
    run = t.measure(t.function("main", coroutine=True))
    t.about(run, 1)
