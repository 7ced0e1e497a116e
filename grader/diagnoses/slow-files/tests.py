# A fixture for grader/diagnoses.test.ts: main() writes three files at once
# (0.1 s per file operation: open + write concurrently is 0.2 s).
from awaitable.testing import test


@test("timing", zh="约 0.2 秒", en="About 0.2 s")
def timing(t):
    run = t.measure(t.function("main", coroutine=True))
    t.about(run, 0.2)


@test("no-blocking", zh="没有阻塞调用", en="No blocking call")
def no_blocking(t):
    run = t.measure(t.function("main", coroutine=True))
    t.no_blocking(run)
