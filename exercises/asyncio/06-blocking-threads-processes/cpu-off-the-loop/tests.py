from awaitable.testing import Failure, test

URLS = [f"https://api.example.com/{index}" for index in range(3)]


def fail(code, zh, en):
    raise Failure({"zh": zh, "en": en}, code)


@test("results", zh="返回正确的 (statuses, counts)", en="Returns the right (statuses, counts)")
def results(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [100, 1000, 2000])
    result, _ = run.result
    expected = ([200, 200, 200], [25, 168, 303])
    if result is None:
        fail("missing-return", "analyze 返回了 None：要 return (statuses, counts)。", "analyze returned None: return (statuses, counts).")
    if tuple(result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {result!r}。", f"Expected {expected!r}, got {result!r}.")


@test("cpu-off-the-loop", zh="质数计算不在事件循环线程上执行", en="The prime counting never runs on the event loop's thread", weight=2)
def cpu_off_the_loop(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [300_000, 300_000])
    t.no_blocking(run)
    result, _ = run.result
    if result is None or list(result[1]) != [25997, 25997]:
        fail("output", f"count_primes(300000) 应为 25997（两次），实际返回 {result!r}。", f"count_primes(300000) is 25997 (twice); got {result!r}.")


@test("uses-the-executor", zh="count_primes 交给了调用者传入的 executor", en="count_primes goes to the executor the caller passed")
def uses_the_executor(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [100, 200])
    _, submitted = run.result
    if submitted.count("count_primes") != 2:
        fail("blocking-cpu", f"count_primes 的调用：{submitted!r}，应在传入的 executor 里运行两次。请用 loop.run_in_executor(executor, count_primes, n)，不要用别的线程池。",
             f"The calls of count_primes: {submitted!r}; it should run twice in the executor passed in. Use loop.run_in_executor(executor, count_primes, n), not another pool.")


@test("io-concurrent", zh="3 个请求并发：约 1 秒，不是 3 秒", en="The 3 requests run concurrently: about 1 s, not 3 s", weight=2)
def io_concurrent(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [100, 200])
    t.about(run, 1, sequential=3)
