import asyncio
import concurrent.futures

from awaitable.testing import Failure, test

URLS = [f"https://api.example.com/{index}" for index in range(3)]


def fail(code, zh, en):
    raise Failure({"zh": zh, "en": en}, code)


class CountingPool(concurrent.futures.ThreadPoolExecutor):
    """A thread pool that remembers what it was asked to run."""

    def __init__(self):
        super().__init__(max_workers=2)
        self.submitted = []

    def submit(self, function, *args, **kwargs):
        self.submitted.append(getattr(function, "__name__", repr(function)))
        return super().submit(function, *args, **kwargs)


def analyze_with(analyze, urls, limits):
    async def go():
        pool = CountingPool()
        try:
            result = await asyncio.create_task(analyze(urls, limits, pool))
        finally:
            pool.shutdown(wait=False)
        return result, pool.submitted
    return go


@test("results", zh="返回正确的 (statuses, counts)", en="Returns the right (statuses, counts)")
def results(t):
    run = t.measure(analyze_with(t.function("analyze", coroutine=True), URLS, [100, 1000, 2000]))
    result, _ = run.result
    expected = ([200, 200, 200], [25, 168, 303])
    if result is None:
        fail("missing-return", "analyze 返回了 None：要 return (statuses, counts)。", "analyze returned None: return (statuses, counts).")
    if tuple(result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {result!r}。", f"Expected {expected!r}, got {result!r}.")


@test("cpu-off-the-loop", zh="质数计算不在事件循环线程上执行", en="The prime counting never runs on the event loop's thread", weight=2)
def cpu_off_the_loop(t):
    run = t.measure(analyze_with(t.function("analyze", coroutine=True), URLS, [150_000, 150_000]))
    t.no_blocking(run)
    result, _ = run.result
    if result is None or list(result[1]) != [13848, 13848]:
        fail("output", f"count_primes(150000) 应为 13848（两次），实际返回 {result!r}。", f"count_primes(150000) is 13848 (twice); got {result!r}.")


@test("uses-the-executor", zh="count_primes 交给了调用者传入的 executor", en="count_primes goes to the executor the caller passed")
def uses_the_executor(t):
    run = t.measure(analyze_with(t.function("analyze", coroutine=True), URLS, [100, 200]))
    _, submitted = run.result
    if submitted.count("count_primes") != 2:
        fail("blocking-cpu", f"传入的 executor 收到了 {submitted!r}，应收到两次 count_primes。请用 loop.run_in_executor(executor, count_primes, n)，不要用别的线程池。",
             f"The executor passed in received {submitted!r}; it should get count_primes twice. Use loop.run_in_executor(executor, count_primes, n), not another pool.")


@test("io-concurrent", zh="3 个请求并发：约 1 秒，不是 3 秒", en="The 3 requests run concurrently: about 1 s, not 3 s", weight=2)
def io_concurrent(t):
    run = t.measure(analyze_with(t.function("analyze", coroutine=True), URLS, [100, 200]))
    t.about(run, 1, sequential=3)
