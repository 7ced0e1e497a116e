from awaitable.testing import test

USERS = ["user_1", "user_2", "user_3"]
# Our get_user's latency per user id (scenarios.main_with_uneven_users): user 1 answers last, user 2 first.
UNEVEN = {"1": 0.5, "2": 0.2, "3": 0.35}


@test("get-user", zh="get_user(7) 约 0.5 秒后返回 'user_7'", en="get_user(7) returns 'user_7' after about 0.5 s")
def get_user(t):
    run = t.measure(t.function("get_user", coroutine=True), 7)
    t.equal(run.result, "user_7")
    t.about(run, 0.5)


def check_uneven_order(t):
    """main() with requests that finish in another order than 1, 2, 3 still returns them in the order of the ids."""
    outcome = t.measure(t.scenario("main_with_uneven_users"), UNEVEN, 5).result
    if not isinstance(outcome, dict) or not outcome.get("finished") or not outcome.get("calls"):
        return  # main() did not use the module's get_user, or did not end: the run below reports it
    got = outcome["result"]
    if isinstance(got, list) and got != USERS and sorted(map(repr, got)) == sorted(map(repr, USERS)):
        finished = [f"user_{user_id}" for user_id in sorted(UNEVEN, key=UNEVEN.get)]
        how_zh = "，正是请求完成的先后顺序" if got == finished else ""
        how_en = ", the order in which the requests finished" if got == finished else ""
        t.fail("order",
               zh=f"换一个 get_user，让三个请求的耗时不同（用户 1 要 0.5 秒、用户 2 要 0.2 秒、用户 3 要 0.35 秒）：main() 返回了 "
                  f"{got}{how_zh}。不论请求按什么顺序完成，列表都要按用户 1、2、3 的顺序："
                  "asyncio.gather 返回的结果顺序与传入的顺序一致。",
               en=f"With a get_user whose requests take different times (user 1 0.5 s, user 2 0.2 s, user 3 0.35 s), "
                  f"main() returned {got}{how_en}. Whatever order the requests finish in, the list must follow users "
                  "1, 2, 3: asyncio.gather returns results in the order of its arguments.")


@test("result", zh="main() 按顺序返回三个用户", en="main() returns the three users in order")
def result(t):
    t.function("main", coroutine=True)
    check_uneven_order(t)
    run = t.measure(t.function("main", coroutine=True))
    t.equal(run.result, USERS)
    if str(USERS) not in run.stdout:
        shown = run.stdout.strip()[:300] or "（空）"
        shown_en = run.stdout.strip()[:300] or "(empty)"
        every = all(user in run.stdout for user in USERS)
        t.fail("output",
               zh=f"main() 返回的列表是对的，但输出里没有这个列表 {USERS}"
                  f"{'（三个用户名都打印了，但不是以列表的形式）' if every else ''}。实际输出：{shown}。"
                  "题目要求打印并返回结果列表：print(results)。",
               en=f"main() returned the right list, but the output does not show the list {USERS}"
                  f"{' (the three users were printed, but not as the list)' if every else ''}. Actual output: "
                  f"{shown_en}. The exercise asks you to print and return the list of results: print(results).")


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
