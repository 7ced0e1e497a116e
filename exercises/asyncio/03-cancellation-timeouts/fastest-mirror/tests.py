from awaitable.testing import Failure, test

ALL = ["tsinghua", "aliyun", "ustc"]
# Latencies of our own download() (scenarios.race_with_our_download), unlike the module's LATENCY table.
UNEVEN = {"tsinghua": 0.7, "aliyun": 1.1, "ustc": 0.5, "huawei": 0.9, "tencent": 1.6}
FIVE = ["tsinghua", "aliyun", "huawei", "ustc", "tencent"]  # the fastest (ustc) is neither first nor last
LOSERS = sorted(mirror for mirror in FIVE if mirror != "ustc")
CLEANUP = 0.2  # how long a cancelled download of ours takes to close its connection


def as_pair(result):
    return tuple(result) if isinstance(result, (list, tuple)) else result


def latencies():
    return "、".join(f"{mirror} {UNEVEN[mirror]:g}s" for mirror in FIVE), \
        ", ".join(f"{mirror} {UNEVEN[mirror]:g} s" for mirror in FIVE)


GIVEN = {"tsinghua": 1.2, "aliyun": 0.4, "ustc": 0.8}  # the module's download() (the prompt)


def check_first(t, result, mirrors):
    """A (mirror, content) pair of one mirror that is not the first to finish with the given download()."""
    pair = as_pair(result)
    first = min(mirrors, key=GIVEN.get)
    if isinstance(pair, tuple) and len(pair) == 2 and pair[0] in mirrors and pair[0] != first \
            and pair[1] == f"package from {pair[0]}":
        t.fail("not-first-finished",
               zh=f"fastest({mirrors}) 返回了 {pair!r}，可最先完成的是 {first} 的下载（{GIVEN[first]:g} 秒），"
                  f"{pair[0]} 的要 {GIVEN[pair[0]]:g} 秒：返回值要取自最先完成的那个下载。",
               en=f"fastest({mirrors}) returned {pair!r}, but {first}'s download finishes first ({GIVEN[first]:g} s); "
                  f"{pair[0]}'s takes {GIVEN[pair[0]]:g} s: the result must come from the download that finished first.")


def check_pair(t, result):
    """(mirror, content) whose content is another mirror's."""
    pair = as_pair(result)
    if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(part, str) for part in pair)):
        return
    mirror, content = pair
    prefix = "package from "
    if content.startswith(prefix) and content[len(prefix):] != mirror:
        source = content[len(prefix):]
        t.fail("mismatched-pair",
               zh=f"fastest 返回了 {pair!r}：内容来自 {source}，名字却是 {mirror}。返回的镜像名要和最先完成的那个下载对应"
                  "（asyncio.wait 返回的是任务集合，as_completed 按完成的先后给出结果，都和 mirrors 列表的下标无关）。",
               en=f"fastest returned {pair!r}: the content is {source}'s but the name is {mirror}'s. The name must belong "
                  "to the download that finished first (asyncio.wait returns a set of tasks and as_completed yields in "
                  "the order of completion; neither follows the indexes of the mirrors list).")


def race(t, cleanup=0.0):
    """fastest(FIVE) with our download() (UNEVEN latencies), or None if fastest never called it."""
    state = t.measure(t.scenario("race_with_our_download"), UNEVEN, FIVE, cleanup).result
    return state if state["started"] else None


@test("winner", zh="返回最快的镜像和它的内容：('aliyun', 'package from aliyun')",
      en="Returns the fastest mirror and its content: ('aliyun', 'package from aliyun')")
def winner(t):
    run = t.measure(t.function("fastest", coroutine=True), ALL)
    check_pair(t, run.result)
    check_first(t, run.result, ALL)
    t.equal(as_pair(run.result), ("aliyun", "package from aliyun"))
    run = t.measure(t.function("fastest", coroutine=True), ["tsinghua", "ustc"])
    check_pair(t, run.result)
    check_first(t, run.result, ["tsinghua", "ustc"])
    t.equal(as_pair(run.result), ("ustc", "package from ustc"))
    state = race(t)
    if state is None:
        return
    check_pair(t, state["result"])
    pair = as_pair(state["result"])
    if isinstance(pair, tuple) and pair and pair[0] != "ustc" and pair[0] in UNEVEN:
        zh_latencies, en_latencies = latencies()
        t.fail("not-first-finished",
               zh=f"换一组下载耗时（{zh_latencies}）再比一次：fastest({FIVE}) 返回了 {pair!r}，可最先完成的是 ustc（0.5 秒），"
                  f"{pair[0]} 要 {UNEVEN[pair[0]]:g} 秒。答案必须来自真正最先完成的那个下载：谁快只有比过才知道，事先无法确定。",
               en=f"Raced again with other download times ({en_latencies}): fastest({FIVE}) returned {pair!r}, but the "
                  f"download that finished first was ustc's (0.5 s); {pair[0]}'s takes {UNEVEN[pair[0]]:g} s. The answer "
                  "must come from the download that really finishes first: which one that is is known only by racing "
                  "them, not beforehand.")
    t.equal(pair, ("ustc", "package from ustc"))


@test("first-completed", zh="第一个下载完成就返回：约 0.4 秒，而不是等最慢的 1.2 秒",
      en="Returns as soon as the first download finishes: about 0.4 s, not the slowest 1.2 s", weight=2)
def first_completed(t):
    run = t.measure(t.function("fastest", coroutine=True), ALL)
    t.all_awaited(run)
    t.no_blocking(run)
    if abs(run.elapsed - 1.2) < 0.01:
        raise Failure(zh="用了 1.2 秒：你等到了最慢的镜像（tsinghua）也完成。gather 和 asyncio.wait 的默认值 ALL_COMPLETED "
                         "都会等所有任务；用 asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED) 只等第一个。",
                      en="It took 1.2 s: you waited for the slowest mirror (tsinghua) too. gather and asyncio.wait's default "
                         "ALL_COMPLETED wait for every task; asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED) waits "
                         "for the first one only.",
                      misconception="timing")
    if run.peak_in_flight < 3:
        t.fail("sequential",
               zh=f"运行记录显示同一时刻最多只有 {run.peak_in_flight} 个下载在进行：三个镜像的下载应当同时进行"
                  "（为每个镜像创建一个任务），才能看出谁先完成。",
               en=f"The trace shows at most {run.peak_in_flight} download(s) in flight at once: the three mirrors' downloads "
                  "should all run at the same time (one task per mirror) for the first to finish to tell which is fastest.")
    t.about(run, 0.4, sequential=2.4)
    state = race(t)
    if state is None:
        return
    if abs(state["returned_at"] - 1.6) < 0.01:
        t.fail("timing",
               zh="换一组下载耗时后，fastest 在 1.6 秒才返回，正是最慢的 tencent 的耗时：它等到了所有下载完成，"
                  "而最快的 ustc 在 0.5 秒就完成了。",
               en="With other download times fastest returned only at 1.6 s, the time of the slowest (tencent): it waited "
                  "for every download, while the fastest, ustc, had finished at 0.5 s.")
    t.about(state["returned_at"], 0.5)


@test("cancel-pending", zh="返回时，其余两个下载已被取消并结束，不会在后台继续",
      en="When it returns, the other two downloads have been cancelled and have ended; nothing goes on in the background",
      weight=2)
def cancel_pending(t):
    t.function("fastest", coroutine=True)
    run = t.measure(t.scenario("fastest_then_background"), ALL)
    at_return, eventually, done, returned_at = run.result
    if returned_at > 1.19:
        t.fail("timing",
               zh=f"fastest 在第 {returned_at:g} 秒才返回，这时所有下载都已完成（完成的下载：{sorted(done)}），"
                  "已经没有可以取消的了：要在第一个下载完成时就取消其余的（见 first-completed 测试）。",
               en=f"fastest returned only at {returned_at:g} s, when every download had finished (finished downloads: "
                  f"{sorted(done)}), so there was nothing left to cancel: cancel the others as soon as the first one "
                  "finishes (see the first-completed test).")
    if not eventually and sorted(done) == ["aliyun"]:
        t.fail("not-a-task",
               zh="fastest 返回后，完成的只有 aliyun，而且没有任何下载被取消：其他镜像的下载根本没有开始。"
                  "要为每个镜像都创建一个下载任务，让它们比赛，再取消输掉的。",
               en="After fastest returned, only aliyun's download had finished and none had been cancelled: the other "
                  "mirrors' downloads never started. Create a download task for every mirror, let them race, then cancel "
                  "the losers.")
    if at_return != ["tsinghua", "ustc"] and eventually == ["tsinghua", "ustc"]:
        raise Failure(zh="你调用了 cancel()，但返回时那两个下载还没真正停下：cancel() 只是请求取消。"
                         "取消后要 await 它们（例如 await asyncio.gather(*pending, return_exceptions=True)）。",
                      en="You called cancel(), but the two downloads had not really stopped when fastest returned: cancel() "
                         "only requests cancellation. Await them after cancelling (e.g. await asyncio.gather(*pending, "
                         "return_exceptions=True)).",
                      misconception="missing-await")
    if sorted(done) != ["aliyun"]:
        raise Failure(zh=f"最快的镜像已经给出结果后，其他下载仍在后台继续，直到第 {run.elapsed:g} 秒（完成的下载：{sorted(done)}）。"
                         "对 asyncio.wait 返回的 pending 中的每个任务调用 task.cancel()。",
                      en=f"After the fastest mirror answered, the other downloads went on in the background until "
                         f"{run.elapsed:g} s (finished downloads: {sorted(done)}). Call task.cancel() on every task in the "
                         "pending set asyncio.wait returns.",
                      misconception="timing")
    t.equal(at_return, ["tsinghua", "ustc"])
    t.about(run, 0.4)
    state = race(t, CLEANUP)
    if state is None:
        return
    running = state["at_return"]["running"]
    if running and sorted(state["cancelled"]) == LOSERS:
        t.fail("missing-await",
               zh=f"换成取消时要花 {CLEANUP:g} 秒清理（先 await 关闭连接）的下载后，fastest 在第 {state['returned_at']:g} 秒返回时，"
                  f"{running} 已被取消却还在清理、没有结束：只是让出一下（如 asyncio.sleep(0)）不等于等它们结束。"
                  "取消后要 await 这些任务本身（例如 await asyncio.gather(*pending, return_exceptions=True)）。",
               en=f"With downloads whose cancellation takes {CLEANUP:g} s to clean up (they await while closing the "
                  f"connection), when fastest returned at {state['returned_at']:g} s {running} had been cancelled but were "
                  "still cleaning up, not ended: yielding for a moment (asyncio.sleep(0), say) is not waiting until they "
                  "have ended. Await the tasks themselves after cancelling them (e.g. await asyncio.gather(*pending, "
                  "return_exceptions=True)).")
    if running:
        t.fail("timing",
               zh=f"fastest 在第 {state['returned_at']:g} 秒返回时，{running} 的下载仍在进行（没有被取消）。",
               en=f"When fastest returned at {state['returned_at']:g} s the downloads of {running} were still going on "
                  "(not cancelled).")
    t.equal(state["at_return"]["cancelled"], LOSERS)
    t.about(state["returned_at"], 0.5 + CLEANUP)
