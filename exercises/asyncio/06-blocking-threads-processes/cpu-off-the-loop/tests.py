from awaitable.testing import Failure, test

URLS = [f"https://api.example.com/{index}" for index in range(3)]
# exercise.json's routes: uneven latencies and statuses other than 200.
UNEVEN = {"https://api.example.com/slow": (3.0, 200), "https://api.example.com/missing": (0.5, 404),
          "https://api.example.com/accepted": (1.0, 202)}
# Durations given to the computations in the executor (2 workers), as on a real machine:
# 100 and 1000 start at 0 s, 2000 when 1000 ends (1 s); the CPU part ends at 2.5 s, the
# I/O part (the slow URL) at 3 s. Both at once: 3 s; one part after the other: 5.5 s;
# the computations one at a time: 4.5 s.
LIMITS = [100, 1000, 2000]
COUNTS = [25, 168, 303]
DURATIONS = {"100": 2.0, "1000": 1.0, "2000": 1.5}


def fail(code, zh, en):
    raise Failure({"zh": zh, "en": en}, code)


def unpack(run):
    result, calls, sessions = run.result
    if result is None:
        fail("missing-return", "analyze 返回了 None：要 return (statuses, counts)。", "analyze returned None: return (statuses, counts).")
    return result, calls, sessions


def check_where(calls):
    """Every call of count_primes ran in a thread of the executor passed in."""
    on_loop = [call for call in calls if call["where"] == "loop"]
    if on_loop:
        fail("blocking-cpu", f"count_primes({on_loop[0]['limit']}) 在事件循环线程上运行了：计算期间整个事件循环都停着。"
             "用 loop.run_in_executor(executor, count_primes, n) 把它交给传入的 executor。",
             f"count_primes({on_loop[0]['limit']}) ran on the event loop's thread, which stood still meanwhile. "
             "Hand it to the executor passed in: loop.run_in_executor(executor, count_primes, n).")
    elsewhere = [call for call in calls if call["where"] == "other"]
    if elsewhere:
        thread = elsewhere[0]["thread"]
        default_zh = "，它属于默认线程池（asyncio.to_thread 和 run_in_executor(None, …) 用的就是它）" if thread.startswith("asyncio_") else ""
        default_en = ", a thread of the default pool (the one asyncio.to_thread and run_in_executor(None, …) use)" if thread.startswith("asyncio_") else ""
        fail("wrong-executor", f"count_primes({elsewhere[0]['limit']}) 是在线程 {thread} 里运行的{default_zh}，不是调用者传入的 executor。"
             "要用传进来的那个：loop.run_in_executor(executor, count_primes, n)——生产环境里它是进程池，别的线程池换不来真正的并行。",
             f"count_primes({elsewhere[0]['limit']}) ran in the thread {thread}{default_en}, not in the executor the caller passed. "
             "Use that one: loop.run_in_executor(executor, count_primes, n); in production it is a process pool, and no other pool gives real parallelism.")


@test("results", zh="快慢不一、状态码不同的 URL 和耗时不一的计算：返回按顺序排列的 (statuses, counts)", en="URLs of different speeds and statuses, computations of different lengths: returns (statuses, counts) in order")
def results(t):
    t.function("analyze", coroutine=True)
    urls = list(UNEVEN)
    run = t.measure(t.scenario("analyze_with"), urls, LIMITS, DURATIONS)
    result, calls, _ = unpack(run)
    statuses = [status for _, status in UNEVEN.values()]
    if tuple(result) == (statuses, COUNTS):
        return
    answered = [UNEVEN[record["url"]][1] for record in sorted(run.requests, key=lambda record: record["end"]) if record["url"] in UNEVEN]
    computed = [COUNTS[LIMITS.index(call["limit"])] for call in sorted(calls, key=lambda call: call["end"]) if call["limit"] in LIMITS]
    if len(result) == 2 and list(result[0]) == answered != statuses:
        fail("order", f"statuses 是 {list(result[0])!r}：这正是各个响应到达的先后顺序。要按 urls 的顺序返回 {statuses!r}"
             "（asyncio.gather 按传入顺序返回结果）。",
             f"statuses is {list(result[0])!r}: exactly the order in which the responses arrived. Return them in the order of urls, "
             f"{statuses!r} (asyncio.gather returns its results in the order it was given).")
    if len(result) == 2 and list(result[1]) == computed != COUNTS:
        fail("order", f"counts 是 {list(result[1])!r}：这正是各个计算完成的先后顺序。要按 limits 的顺序返回 {COUNTS!r}。",
             f"counts is {list(result[1])!r}: exactly the order in which the computations finished. Return them in the order of limits, {COUNTS!r}.")
    fail("output", f"应返回 {(statuses, COUNTS)!r}，实际为 {result!r}。", f"Expected {(statuses, COUNTS)!r}, got {result!r}.")


@test("cpu-off-the-loop", zh="质数计算不在事件循环线程上执行", en="The prime counting never runs on the event loop's thread", weight=2)
def cpu_off_the_loop(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [300_000, 300_000])
    t.no_blocking(run)
    result, calls, _ = unpack(run)
    check_where(calls)
    if list(result[1]) != [25997, 25997]:
        fail("output", f"count_primes(300000) 应为 25997（两次），实际返回 {result!r}。", f"count_primes(300000) is 25997 (twice); got {result!r}.")


@test("uses-the-executor", zh="count_primes 交给了调用者传入的 executor", en="count_primes goes to the executor the caller passed")
def uses_the_executor(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [100, 200])
    _, calls, _ = unpack(run)
    check_where(calls)
    ran = sorted(call["limit"] for call in calls)
    if ran != [100, 200]:
        fail("calls", f"count_primes 应在传入的 executor 里对 100 和 200 各运行一次，实际运行的是：{ran!r}。",
             f"count_primes should run once for 100 and once for 200 in the executor passed in; it ran for: {ran!r}.")


@test("io-concurrent", zh="3 个请求并发：约 1 秒，不是 3 秒", en="The 3 requests run concurrently: about 1 s, not 3 s", weight=2)
def io_concurrent(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [100, 200])
    t.about(run, 1, sequential=3)


@test("one-session", zh="所有请求共用一个 aiohttp.ClientSession", en="Every request goes through one aiohttp.ClientSession")
def one_session(t):
    t.function("analyze", coroutine=True)
    run = t.measure(t.scenario("analyze_with"), URLS, [100, 200])
    _, _, sessions = unpack(run)
    if sessions > 1:
        fail("session-per-request", f"这次运行创建了 {sessions} 个 aiohttp.ClientSession，发了 {len(run.requests)} 个请求。"
             "题目要求只用一个：在 analyze 里 async with aiohttp.ClientSession() as session 一次，把 session 传给每个请求"
             "（一个会话共用连接池，每个请求新建一个会话就丢掉了它）。",
             f"This run created {sessions} aiohttp.ClientSession objects for {len(run.requests)} requests. The exercise asks for one: "
             "async with aiohttp.ClientSession() as session once in analyze, and pass session to every request (a session shares its "
             "connection pool; a session per request throws it away).")


@test("both-at-once", zh="两部分同时进行，计算一起交给 executor：请求 3 秒、计算 2.5 秒，总共约 3 秒", en="Both parts at once, every computation handed to the executor together: 3 s of requests and 2.5 s of computing take about 3 s", weight=2)
def both_at_once(t):
    t.function("analyze", coroutine=True)
    urls = list(UNEVEN)
    run = t.measure(t.scenario("analyze_with"), urls, LIMITS, DURATIONS)
    _, calls, _ = unpack(run)
    check_where(calls)
    if abs(run.elapsed - 3) > 0.01 and calls and run.requests:
        first_job, last_job = min(call["start"] for call in calls), max(call["end"] for call in calls)
        first_request, last_request = min(record["start"] for record in run.requests), max(record["end"] for record in run.requests)
        if first_job >= last_request - 1e-6:
            fail("parts-sequential", f"测得 {run.elapsed:g} 秒（期望约 3 秒）：运行记录显示计算在 {first_job:g} 秒才开始，那时所有请求都已经结束了。"
                 "两部分要同时进行：先分别建好两部分（还不 await），再 statuses, counts = await asyncio.gather(io_part, cpu_part)。",
                 f"Measured {run.elapsed:g} s (about 3 s expected): the trace shows the computations starting only at {first_job:g} s, "
                 "after every request had finished. Run both parts at once: build each part without awaiting it, then "
                 "statuses, counts = await asyncio.gather(io_part, cpu_part).")
        if first_request >= last_job - 1e-6:
            fail("parts-sequential", f"测得 {run.elapsed:g} 秒（期望约 3 秒）：运行记录显示请求在 {first_request:g} 秒才开始，那时所有计算都已经结束了。"
                 "两部分要同时进行：先分别建好两部分（还不 await），再 statuses, counts = await asyncio.gather(io_part, cpu_part)。",
                 f"Measured {run.elapsed:g} s (about 3 s expected): the trace shows the requests starting only at {first_request:g} s, "
                 "after every computation had finished. Run both parts at once: build each part without awaiting it, then "
                 "statuses, counts = await asyncio.gather(io_part, cpu_part).")
        overlapping = any(a is not b and a["start"] < b["end"] - 1e-6 and b["start"] < a["end"] - 1e-6 for a in calls for b in calls)
        if not overlapping and len(calls) > 1:
            fail("cpu-one-at-a-time", f"测得 {run.elapsed:g} 秒（期望约 3 秒）：运行记录显示 {len(calls)} 次计算是一次一个完成的，"
                 "传入的 executor 有 2 个线程，却从来没有两个计算同时进行。先把所有计算都交给 executor"
                 "（每个 run_in_executor 都先调用、不马上 await），再一起 gather：进程池才能把它们分到多个核上并行。",
                 f"Measured {run.elapsed:g} s (about 3 s expected): the trace shows the {len(calls)} computations running one at a time, "
                 "never two together, although the executor passed in has 2 workers. Hand every computation to the executor first "
                 "(call each run_in_executor without awaiting it at once), then gather them: that is how a process pool spreads them over several cores.")
    t.about(run, 3, sequential=sum(latency for latency, _ in UNEVEN.values()) + sum(DURATIONS.values()))
