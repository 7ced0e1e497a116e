# A fixture for grader/diagnoses.test.ts: main() gets three users, each call
# taking 0.5 s; concurrently that is 0.5 s, one by one 1.5 s.
from awaitable.testing import test


@test("result", zh="返回三个用户", en="Returns the three users")
def result(t):
    run = t.measure(t.function("main", coroutine=True))
    t.equal(run.result, ["user_1", "user_2", "user_3"])


@test("timing", zh="约 0.5 秒", en="About 0.5 s")
def timing(t):
    run = t.measure(t.function("main", coroutine=True))
    t.about(run, 0.5, sequential=1.5)


@test("overlap", zh="两次调用同时进行", en="Two calls overlap")
def overlap(t):
    run = t.measure(t.function("main", coroutine=True))
    t.overlapped(run, "get_user", "get_user")


@test("own-words", zh="练习自己的消息", en="The exercise's own message")
def own_words(t):
    run = t.measure(t.function("main", coroutine=True))
    if run.elapsed > 1:
        t.fail("sequential", zh=f"用了 {run.elapsed} 秒", en=f"took {run.elapsed} s")
