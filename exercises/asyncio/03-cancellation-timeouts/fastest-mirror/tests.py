from awaitable.testing import Failure, test

ALL = ["tsinghua", "aliyun", "ustc"]


def as_pair(result):
    return tuple(result) if isinstance(result, (list, tuple)) else result


@test("winner", zh="返回最快的镜像和它的内容：('aliyun', 'package from aliyun')",
      en="Returns the fastest mirror and its content: ('aliyun', 'package from aliyun')")
def winner(t):
    run = t.measure(t.function("fastest", coroutine=True), ALL)
    t.equal(as_pair(run.result), ("aliyun", "package from aliyun"))
    run = t.measure(t.function("fastest", coroutine=True), ["tsinghua", "ustc"])
    t.equal(as_pair(run.result), ("ustc", "package from ustc"))


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
    t.about(run, 0.4, sequential=2.4)
    t.min_in_flight(run, 3)


@test("cancel-pending", zh="返回时，其余两个下载已被取消并结束，不会在后台继续",
      en="When it returns, the other two downloads have been cancelled and have ended; nothing goes on in the background",
      weight=2)
def cancel_pending(t):
    t.function("fastest", coroutine=True)
    run = t.measure(t.scenario("fastest_then_background"), ALL)
    at_return, eventually, done, returned_at = run.result
    if returned_at > 1.19:
        t.about(returned_at, 0.4)  # waited for every mirror: the "first-completed" test explains it
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
