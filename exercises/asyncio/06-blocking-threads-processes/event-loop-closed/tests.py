from awaitable.testing import Failure, test

# scenarios.LATENCIES: user 4 finishes first, user 1 last.
UNEVEN_IDS = [3, 1, 2, 4]
UNEVEN_SLOWEST, UNEVEN_SUM = 0.8, 1.9


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def one_user_at_a_time(run, sequential):
    """The users were fetched one after another: the run took the sum with at most one get_user in flight."""
    if run.peak_in_flight <= 1 and abs(run.elapsed - sequential) <= 0.02:
        fail("sequential", f"测得 {run.elapsed:g} 秒，等于各次 get_user 之和（{sequential:g} 秒）：运行记录显示任何时刻最多只有 1 个 get_user 在进行，"
             "每个用户都等前一个取完才开始。fetch_users 要让它们同时进行（asyncio.gather，或先 create_task 全部再逐个 await）。",
             f"Measured {run.elapsed:g} s, the sum of the get_user calls ({sequential:g} s): the trace shows at most 1 get_user in flight at any moment, "
             "each user fetched only after the one before. fetch_users must run them at the same time (asyncio.gather, or create_task for all of them, then await each).")


@test("sync-once", zh="fetch_users_sync([1,2,3]) 约 0.5 秒返回三个用户", en="fetch_users_sync([1,2,3]) returns the three users after about 0.5 s", weight=2)
def sync_once(t):
    run = t.measure(t.function("fetch_users_sync"), [1, 2, 3])
    if run.result != ["user_1", "user_2", "user_3"]:
        fail("output", f"应返回 ['user_1', 'user_2', 'user_3']，实际为 {run.result!r}。", f"Expected ['user_1', 'user_2', 'user_3'], got {run.result!r}.")
    one_user_at_a_time(run, 1.5)
    t.about(run, 0.5, sequential=1.5)


@test("sync-twice", zh="fetch_users_sync 连续调用两次都正常（不报 Event loop is closed）", en="fetch_users_sync works when called twice in a row (no 'Event loop is closed')", weight=2)
def sync_twice(t):
    t.function("fetch_users_sync")
    run = t.measure(t.scenario("sync_twice"))
    if run.result != (["user_1", "user_2"], ["user_3"]):
        fail("output", f"两次调用应返回 ['user_1', 'user_2'] 和 ['user_3']，实际为 {run.result!r}。", f"The two calls should return ['user_1', 'user_2'] and ['user_3'], got {run.result!r}.")
    one_user_at_a_time(run, 1.5)
    t.about(run, 1.0)


@test("users-in-order", zh="各用户耗时不同时，fetch_users 仍按 ids 的顺序返回，总耗时约等于最慢的一个", en="With users that take different times fetch_users still follows ids, and takes about the slowest one", weight=2)
def users_in_order(t):
    t.function("fetch_users", coroutine=True)
    run = t.measure(t.scenario("uneven_users"), UNEVEN_IDS)
    users, finished = run.result
    expected = [f"user_{user_id}" for user_id in UNEVEN_IDS]
    completion = [f"user_{user_id}" for user_id in finished]
    if users != expected and users == completion and len(finished) == len(UNEVEN_IDS):
        fail("order", f"get_user 的耗时各不相同时，fetch_users({UNEVEN_IDS!r}) 返回了 {users!r}：这是各个用户取完的先后顺序，不是 ids 的顺序 {expected!r}。"
             "asyncio.as_completed 按完成顺序给出结果；asyncio.gather 的结果按传入的顺序排列。",
             f"With get_user calls of different durations fetch_users({UNEVEN_IDS!r}) returned {users!r}: the order in which the users finished, "
             f"not the order of ids {expected!r}. asyncio.as_completed yields results as they finish; asyncio.gather keeps the order you passed.")
    if users != expected:
        fail("output", f"fetch_users({UNEVEN_IDS!r}) 应返回 {expected!r}，实际为 {users!r}。", f"fetch_users({UNEVEN_IDS!r}) should return {expected!r}, got {users!r}.")
    one_user_at_a_time(run, UNEVEN_SUM)
    t.about(run, UNEVEN_SLOWEST, sequential=UNEVEN_SUM)
    t.all_awaited(run)


@test("from-async", zh="在运行中的循环里 await dashboard([1,2]) 正常返回", en="await dashboard([1,2]) works inside a running loop", weight=2)
def from_async(t):
    run = t.measure(t.function("dashboard", coroutine=True), [1, 2])
    expected = {"count": 2, "users": ["user_1", "user_2"]}
    if run.result != expected:
        fail("output", f"应返回 {expected!r}，实际为 {run.result!r}。", f"Expected {expected!r}, got {run.result!r}.")
    t.about(run, 0.5, sequential=1.0)
    t.all_awaited(run)
