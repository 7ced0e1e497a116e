from awaitable.testing import Failure, test


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


@test("sync-once", zh="fetch_users_sync([1,2,3]) 约 0.5 秒返回三个用户", en="fetch_users_sync([1,2,3]) returns the three users after about 0.5 s", weight=2)
def sync_once(t):
    run = t.measure(t.function("fetch_users_sync"), [1, 2, 3])
    if run.result != ["user_1", "user_2", "user_3"]:
        fail("output", f"应返回 ['user_1', 'user_2', 'user_3']，实际为 {run.result!r}。", f"Expected ['user_1', 'user_2', 'user_3'], got {run.result!r}.")
    t.about(run, 0.5, sequential=1.5)


@test("sync-twice", zh="fetch_users_sync 连续调用两次都正常（不报 Event loop is closed）", en="fetch_users_sync works when called twice in a row (no 'Event loop is closed')", weight=2)
def sync_twice(t):
    t.function("fetch_users_sync")
    run = t.measure(t.scenario("sync_twice"))
    if run.result != (["user_1", "user_2"], ["user_3"]):
        fail("output", f"两次调用应返回 ['user_1', 'user_2'] 和 ['user_3']，实际为 {run.result!r}。", f"The two calls should return ['user_1', 'user_2'] and ['user_3'], got {run.result!r}.")
    t.about(run, 1.0)


@test("from-async", zh="在运行中的循环里 await dashboard([1,2]) 正常返回", en="await dashboard([1,2]) works inside a running loop", weight=2)
def from_async(t):
    run = t.measure(t.function("dashboard", coroutine=True), [1, 2])
    expected = {"count": 2, "users": ["user_1", "user_2"]}
    if run.result != expected:
        fail("output", f"应返回 {expected!r}，实际为 {run.result!r}。", f"Expected {expected!r}, got {run.result!r}.")
    t.about(run, 0.5, sequential=1.0)
    t.all_awaited(run)
