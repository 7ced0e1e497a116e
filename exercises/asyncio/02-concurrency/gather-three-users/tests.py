from awaitable.testing import test

USERS = ["user_1", "user_2", "user_3"]


@test("get-user", zh="get_user(7) 约 0.5 秒后返回 'user_7'", en="get_user(7) returns 'user_7' after about 0.5 s")
def get_user(t):
    run = t.measure(t.function("get_user", coroutine=True), 7)
    t.equal(run.result, "user_7")
    t.about(run, 0.5)


@test("result", zh="main() 按顺序返回三个用户", en="main() returns the three users in order")
def result(t):
    run = t.measure(t.function("main", coroutine=True))
    t.equal(run.result, USERS)
    t.printed(run, str(USERS))


@test("concurrent", zh="三个请求并发：总耗时约 0.5 秒", en="The three requests run concurrently: about 0.5 s in total", weight=2)
def concurrent(t):
    run = t.measure(t.function("main", coroutine=True))
    t.about(run, 0.5, sequential=1.5)
    t.min_in_flight(run, 3)


@test("no-blocking", zh="没有阻塞调用，也没有漏掉 await", en="No blocking call and no missing await")
def no_blocking(t):
    run = t.measure(t.function("main", coroutine=True))
    t.all_awaited(run)
    t.no_blocking(run)
