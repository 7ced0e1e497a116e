from awaitable.testing import test

EIGHT = [f"img{index}.jpg" for index in range(8)]
FIVE = [f"photo{index}.png" for index in range(5)]

# Calls that take different times, as a real service's do (scenarios.uneven):
# with limit 3 a shared semaphore finishes at 1.5 s, fixed batches of 3 at
# 2.25 s, one at a time at 4 s; and the calls finish in another order than the images.
PLAN = [[f"pic{index}.jpg", seconds]
        for index, seconds in enumerate([1.0, 0.25, 0.25, 0.5, 0.25, 0.75, 0.25, 0.5, 0.25])]
PLAN_LIMIT = 3
PLAN_SECONDS = 1.5
PLAN_SUM = 4.0
EPSILON = 1e-6


def semaphore_waits(run):
    """Some task of the run waited on a semaphore's acquire()."""
    return any(event["kind"] == "suspend" and event.get("on") in ("Semaphore.acquire", "BoundedSemaphore.acquire")
               for event in run.events)


def as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else value


def check_cap(t, run, limit, count):
    """No more than ``limit`` resize calls at once, with a message on what the run shows."""
    peak = run.peak_in_flight
    if peak <= limit:
        return
    if not semaphore_waits(run):
        t.fail("unbounded-concurrency",
               zh=f"limit={limit}，但运行记录显示同一时刻有 {peak} 个 resize 在进行（共 {count} 张图），而且没有任何任务在"
                  "信号量上等待过：没有什么拦住它们。要么根本没有信号量，要么每次调用都各用一个新的信号量，要么 async with "
                  "没有包住每一个 await resize(image)（例如只包住了整个 gather，或只包住了 create_task）。在 make_thumbnails "
                  "里创建一个 asyncio.Semaphore(limit)，所有调用共用它，并在每个 await resize(image) 外面写 async with semaphore:。",
               en=f"limit={limit}, but the trace shows {peak} resize calls in flight at once ({count} images), and no task "
                  "ever waited on a semaphore: nothing held them back. Either there is no semaphore, or each call gets a "
                  "new one, or async with does not wrap each await resize(image) (it wraps the whole gather, or only the "
                  "create_task). Create one asyncio.Semaphore(limit) in make_thumbnails, share it for every call, and put "
                  "async with semaphore: around each await resize(image).")
    probe_limit = limit + 2
    probe = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, probe_limit)
    if probe.peak_in_flight == peak:
        t.fail("unbounded-concurrency",
               zh=f"limit={limit} 时同一时刻有 {peak} 个 resize 在进行；换成 limit={probe_limit} 再跑一次，峰值还是 {peak}："
                  "同时进行的数量不随 limit 变化，信号量的名额数不是从参数 limit 来的（是不是写死了一个数？）。"
                  "写 asyncio.Semaphore(limit)。",
               en=f"With limit={limit} there were {peak} resize calls in flight at once; run again with limit={probe_limit}, "
                  f"the peak was {peak} again: the number in flight does not follow limit, so the semaphore's slots do not "
                  "come from the limit argument (a hard-coded number?). Write asyncio.Semaphore(limit).")
    t.fail("unbounded-concurrency",
           zh=f"limit={limit}，但运行记录显示同一时刻有 {peak} 个 resize 在进行：确实有任务在信号量上等待过，但放进去的比 limit 多。"
              "检查信号量的名额数，以及是否所有调用共用同一个信号量。",
           en=f"limit={limit}, but the trace shows {peak} resize calls in flight at once: tasks did wait on a semaphore, "
              "but more than limit got through. Check the semaphore's number of slots, and that every call shares the "
              "same one.")


def spans(calls, total):
    return [(start, end if end is not None else total) for _, start, end in calls]


def intervals(calls, count, total):
    """(from, to, calls in flight, images not started yet) between the moments a call started or ended."""
    pairs = spans(calls, total)
    moments = sorted({round(moment, 6) for pair in pairs for moment in pair} | {0.0})
    never = count - len(calls)
    found = []
    for start, end in zip(moments, moments[1:]):
        if end - start < EPSILON:
            continue
        flying = sum(1 for first, last in pairs if first <= start + EPSILON and last > start + EPSILON)
        waiting = never + sum(1 for first, _ in pairs if first > start + EPSILON)
        found.append((start, end, flying, waiting))
    return found


def batches(calls):
    """The start moments, if the calls ran in groups each starting when the previous group's slowest call ended."""
    groups = {}
    for _, start, end in calls:
        groups.setdefault(round(start, 6), []).append(end)
    starts = sorted(groups)
    if len(starts) < 2 or any(end is None for ends in groups.values() for end in ends):
        return None
    for before, after in zip(starts, starts[1:]):
        if abs(max(groups[before]) - after) > EPSILON:
            return None
    return starts


def seconds_list(moments):
    return ", ".join(f"{moment:g}" for moment in moments)


@test("results", zh="按 images 的顺序返回缩略图（调用耗时不一、完成顺序不同时也一样）",
      en="Returns the thumbnails in the order of images (also when the calls take different times and finish in another order)")
def results(t):
    t.function("make_thumbnails", coroutine=True)
    run = t.measure(t.scenario("uneven"), PLAN, PLAN_LIMIT)
    result, calls = as_list(run.result["result"]), run.result["calls"]
    expected = [f"thumb-{image}" for image, _ in PLAN]
    if isinstance(result, list) and result != expected and sorted(map(str, result)) == sorted(expected):
        ended = {f"thumb-{image}": end for image, _, end in calls}
        if all(ended.get(first) is not None and ended.get(second) is not None and ended[first] <= ended[second]
               for first, second in zip(result, result[1:])):
            t.fail("completion-order",
                   zh=f"让每张图的 resize 耗时不同（0.25～1 秒）后，返回的是 {result[:4]}…：缩略图都对，但排成了调用完成的先后顺序，"
                      "而不是 images 的顺序。按完成顺序收集（as_completed 之后 append）会这样；用 gather（它按传入的顺序返回），"
                      "或者按下标把结果放回对应位置。",
                   en=f"With resize taking a different time per image (0.25 to 1 s), the result was {result[:4]}…: the right "
                      "thumbnails, but in the order the calls finished, not in the order of images. Collecting in "
                      "completion order (as_completed, then append) does that; use gather (it returns in the order it was "
                      "given), or put each result back at its image's index.")
        t.fail("order",
               zh=f"让每张图的 resize 耗时不同后，返回的缩略图都对，但顺序不对：期望 {expected[:4]}…，实际 {result[:4]}…。"
                  "结果要按 images 的顺序排列。",
               en=f"With resize taking a different time per image, the thumbnails were right but in the wrong order: "
                  f"expected {expected[:4]}…, got {result[:4]}…. The results must follow the order of images.")
    t.equal(result, expected)
    run = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, 3)
    t.equal(as_list(run.result), [f"thumb-{image}" for image in EIGHT])


@test("at-most-3", zh="limit=3：同一时刻最多 3 个 resize 在进行", en="limit=3: at most 3 resize calls at any moment",
      weight=2)
def at_most_3(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, 3)
    check_cap(t, run, 3, len(EIGHT))


@test("at-most-2", zh="limit=2：同一时刻最多 2 个，5 张图约 1.5 秒",
      en="limit=2: at most 2 at any moment; 5 images take about 1.5 s", weight=2)
def at_most_2(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), FIVE, 2)
    check_cap(t, run, 2, len(FIVE))
    t.about(run, 1.5, sequential=2.5)


@test("throughput", zh="limit=3 时充分并发：8 张图约 1.5 秒（3 批），不是 4 秒",
      en="limit=3 is used fully: 8 images take about 1.5 s (3 rounds), not 4 s", weight=2)
def throughput(t):
    run = t.measure(t.function("make_thumbnails", coroutine=True), EIGHT, 3)
    t.all_awaited(run)
    t.no_blocking(run)
    check_cap(t, run, 3, len(EIGHT))
    t.about(run, 1.5, sequential=4)
    t.min_in_flight(run, 3)


@test("next-starts-at-once", zh="调用耗时不一时：名额一空出来，下一张图就开始（9 张图、limit=3：约 1.5 秒）",
      en="With calls of different lengths, the next image starts as soon as a slot frees up (9 images, limit=3: about 1.5 s)",
      weight=2)
def next_starts_at_once(t):
    t.function("make_thumbnails", coroutine=True)
    run = t.measure(t.scenario("uneven"), PLAN, PLAN_LIMIT)
    calls = run.result["calls"]
    if not calls:
        t.fail("resize-not-called",
               zh="这个测试把 resize 换成了一个每张图耗时不同的版本（0.25～1 秒，就像真实的服务），但 make_thumbnails 一次也没有调用它："
                  "要通过模块里的名字调用 resize(image)，而不是调用事先存下来的副本。",
               en="This test replaces resize with a version whose calls take a different time per image (0.25 to 1 s, as "
                  "a real service's do), but make_thumbnails never called it: call resize(image) through the module's "
                  "name, not through a copy saved earlier.")
    check_cap(t, run, PLAN_LIMIT, len(PLAN))
    if run.peak_in_flight <= 1:
        t.about(run, PLAN_SECONDS, sequential=PLAN_SUM)
    idle = [entry for entry in intervals(calls, len(PLAN), run.elapsed) if entry[2] < PLAN_LIMIT and entry[3] > 0]
    if idle:
        start, end, flying, waiting = idle[0]
        groups = batches(calls)
        if groups:
            t.fail("batches",
                   zh=f"让每张图的 resize 耗时不同（0.25～1 秒）后，用了 {run.elapsed:g} 秒（期望约 {PLAN_SECONDS:g} 秒）："
                      f"调用是一批一批开始的（在第 {seconds_list(groups)} 秒），每一批都要等上一批里最慢的那个结束。"
                      f"例如从第 {start:g} 秒到第 {end:g} 秒只有 {flying} 个调用在进行，而还有 {waiting} 张图在等。"
                      "固定分批（对 images 的切片逐批 gather）就会这样；改用一个共享的 asyncio.Semaphore(limit)，"
                      "让所有调用一起开始、在 async with 里排队，任何一个结束，下一个就立刻开始。",
                   en=f"With resize taking a different time per image (0.25 to 1 s) the run took {run.elapsed:g} s "
                      f"(expected about {PLAN_SECONDS:g} s): the calls started in batches (at {seconds_list(groups)} s), "
                      "each batch waiting for the slowest call of the one before. From "
                      f"{start:g} s to {end:g} s, for instance, only {flying} call(s) were in flight while {waiting} "
                      "image(s) were waiting. Fixed batches (gather over slices of images) do that; use one shared "
                      "asyncio.Semaphore(limit) instead, start every call and let them queue in async with: as soon as "
                      "any one ends, the next starts.")
        t.fail("idle-slot",
               zh=f"让每张图的 resize 耗时不同（0.25～1 秒）后，从第 {start:g} 秒到第 {end:g} 秒只有 {flying} 个调用在进行，"
                  f"而 limit 是 {PLAN_LIMIT}，还有 {waiting} 张图没有开始：空出来的名额没有马上用上。"
                  "所有调用共用一个 asyncio.Semaphore(limit)，任何一个结束，下一个就应该立刻开始。",
               en=f"With resize taking a different time per image (0.25 to 1 s), from {start:g} s to {end:g} s only "
                  f"{flying} call(s) were in flight while limit is {PLAN_LIMIT} and {waiting} image(s) had not started: "
                  "a freed slot was not used at once. With one asyncio.Semaphore(limit) shared by every call, the next "
                  "call starts as soon as any one ends.")
    last = max(end for _, end in spans(calls, run.elapsed))
    t.about(run, last)
