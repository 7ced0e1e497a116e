"""Learner-facing messages, zh-CN first then en. Each names what was expected,
what happened and the likely misconception, and says what to do next."""

from __future__ import annotations

from ..text import bilingual, seconds  # noqa: F401  (seconds: for the catalogue's users)

GATHER_RERAISES = (
    "gather 会把它等待的某个任务的第一个异常原样抛出（其他任务还在继续运行）；"
    "加上 return_exceptions=True，异常会作为结果出现在返回的列表里，而不是被抛出。",
    "gather re-raises the first exception of the awaitables it waits for (the others go on running); "
    "with return_exceptions=True the exception comes back in the results list instead of being raised.",
)

CATALOG: dict[str, tuple[str, str]] = {
    # timing
    "sequential": (
        "测得 {measured} 秒，约等于各次等待之和（{sequential} 秒），就像它们是一个接一个进行的；"
        "同时进行时期望约 {expected} 秒。",
        "Measured {measured} s ≈ the sum of the waits ({sequential} s), as if they ran one after another; "
        "running at the same time they take about {expected} s.",
    ),
    "one-after-another": (
        "测得 {measured} 秒，约等于各次等待之和（{sequential} 秒）：运行记录显示任何时刻最多只有 1 个操作在进行，"
        "每个都等前一个结束才开始。让它们同时开始（asyncio.gather 或 asyncio.create_task），期望约 {expected} 秒。",
        "Measured {measured} s ≈ the sum of the waits ({sequential} s): the trace shows at most 1 operation in flight at "
        "any moment, each starting only after the one before had finished. Start them together (asyncio.gather or "
        "asyncio.create_task); expected about {expected} s.",
    ),
    "one-at-a-time": (
        "测得 {measured} 秒（期望约 {expected} 秒）：同一时刻最多只有 1 个操作在进行，而任务都在 {primitive} 上排队。"
        "asyncio.{short}() 默认只有 1 个名额：要同时进行 N 个，写 asyncio.{short}(N)。",
        "Measured {measured} s (expected about {expected} s): at most 1 operation was in flight at a time, while the tasks "
        "queued on {primitive}. asyncio.{short}() has a single slot by default: for N at once, write asyncio.{short}(N).",
    ),
    "unfinished-tasks": (
        "期望耗时约 {expected} 秒，但运行在 {measured} 秒时就结束了，而任务 {names} 那时还没有完成"
        "（它们在运行结束时被取消了）：在返回之前 await 它们。",
        "Expected about {expected} s, but the run ended at {measured} s while the tasks {names} had not finished "
        "(they were cancelled when the run ended): await them before returning.",
    ),
    "blocking-sleep": (
        "在协程 {where} 里调用了 time.sleep({seconds})：它阻塞了整个事件循环，其他协程在此期间都无法运行。"
        "请改用 await asyncio.sleep({seconds})。（测得 {measured} 秒，期望约 {expected} 秒）",
        "time.sleep({seconds}) was called inside the coroutine {where}: it blocked the whole event loop, so no "
        "other coroutine could run meanwhile. Use await asyncio.sleep({seconds}) instead. "
        "(measured {measured} s, expected about {expected} s)",
    ),
    "blocking-requests": (
        "在协程 {where} 里调用了阻塞的 {call}（{detail}）：它阻塞了事件循环，请求只能一个接一个完成。"
        "请改用 aiohttp：async with session.get(url) as response。（测得 {measured} 秒，期望约 {expected} 秒）",
        "The blocking {call} ({detail}) was called inside the coroutine {where}: it blocked the event loop, so "
        "the requests completed one after another. Use aiohttp: async with session.get(url) as response. "
        "(measured {measured} s, expected about {expected} s)",
    ),
    "blocking-open": (
        "在协程 {where} 里用内置的 open() 读写文件（{detail}）：文件操作是阻塞的，每次都让整个事件循环停下 {seconds} 秒，"
        "其他协程都得等着。请改用 aiofiles：async with aiofiles.open(path, mode) as f: await f.write(...)。",
        "The coroutine {where} used the built-in open() ({detail}): file operations block, and each one stopped the "
        "whole event loop for {seconds} s while every other coroutine waited. Use aiofiles: "
        "async with aiofiles.open(path, mode) as f: await f.write(...).",
    ),
    "blocking-cpu": (
        "协程 {where} 连续占用 CPU {real_ms} 毫秒而没有 await：CPU 密集的工作会阻塞事件循环，gather 也无法让它变快。"
        "把它交给 loop.run_in_executor（进程池）去做。",
        "The coroutine {where} used the CPU for {real_ms} ms without awaiting: CPU-bound work blocks the event "
        "loop and gather cannot speed it up. Hand it to loop.run_in_executor (a process pool).",
    ),
    "never-awaited": (
        "协程 {names} 从未被 await：调用 async 函数只会创建一个协程对象，函数体根本没有运行。"
        "在调用前加上 await（或交给 asyncio.create_task / asyncio.gather）。",
        "The coroutine {names} was never awaited: calling an async function only creates a coroutine object; "
        "its body never ran. Put await in front of the call (or hand it to asyncio.create_task / asyncio.gather).",
    ),
    "too-slow": (
        "期望耗时约 {expected} 秒（允许误差 ±{tolerance} 秒），实际测得 {measured} 秒，太慢了。",
        "Expected about {expected} s (± {tolerance} s) but measured {measured} s: too slow.",
    ),
    "too-fast": (
        "期望耗时约 {expected} 秒（允许误差 ±{tolerance} 秒），实际只用了 {measured} 秒：比题目要求的等待更早结束了。",
        "Expected about {expected} s (± {tolerance} s) but measured only {measured} s: the run ended sooner than the "
        "waits the exercise asks for.",
    ),
    "not-about": (
        "测得 {measured} 秒，恰好是不应出现的 {value} 秒。",
        "Measured {measured} s, which is exactly the {value} s it should not be.",
    ),
    "max-in-flight": (
        "同一时刻最多应有 {limit} 个操作在进行，但测得峰值为 {peak} 个。用 asyncio.Semaphore({limit}) "
        "（async with semaphore:）限制并发数量。",
        "At most {limit} operations should be in flight at once, but the peak was {peak}. Limit concurrency "
        "with asyncio.Semaphore({limit}) (async with semaphore:).",
    ),
    "pool-per-call": (
        "同一时刻最多应有 {limit} 个操作在进行，但测得峰值为 {peak} 个：这次运行创建了 {count} 个线程池，"
        "而每个线程池的 max_workers 只限制它自己的任务。创建一个线程池，让所有调用共用它。",
        "At most {limit} operations should be in flight at once, but the peak was {peak}: the run created {count} "
        "thread pools, and each pool's max_workers caps only its own jobs. Create one pool and share it for every call.",
    ),
    "min-in-flight": (
        "期望至少有 {limit} 个操作同时进行，但峰值只有 {peak} 个：操作没有并发执行。",
        "Expected at least {limit} operations in flight at once, but the peak was {peak}: the operations did "
        "not run concurrently.",
    ),
    "not-overlapped": (
        "{first} 和 {second} 没有同时进行：第二个在第一个结束后才开始。用 asyncio.gather 或 create_task 让它们并发。",
        "{first} and {second} did not overlap: the second started only after the first had finished. Run them "
        "concurrently with asyncio.gather or create_task.",
    ),
    "task-missing": (
        "没有任何任务运行过协程 {name}()（运行过的任务：{seen}）。",
        "No task ran the coroutine {name}() (the tasks that ran: {seen}).",
    ),
    "order": (
        "输出顺序不对。期望的顺序：{expected}；实际：{actual}。",
        "The output is in the wrong order. Expected: {expected}; got: {actual}.",
    ),
    "output-missing": (
        "输出中没有找到 {text!r}。实际输出：{actual}",
        "{text!r} was not found in the output. Actual output: {actual}",
    ),
    "no-blocking": (
        "协程 {where} 里有阻塞调用 {call}（{seconds} 秒）：它阻塞了事件循环。请改用对应的异步写法"
        "（await asyncio.sleep、aiohttp、run_in_executor）。",
        "The coroutine {where} made the blocking call {call} ({seconds} s): it blocked the event loop. Use the "
        "async equivalent (await asyncio.sleep, aiohttp, run_in_executor).",
    ),
    "equal-future": (
        "结果是一个 asyncio 的 {kind} 对象，而不是 {expected}：Task 和 Future（包括 asyncio.gather 返回的）要 await 才能拿到结果。",
        "The result is an asyncio {kind}, not {expected}: a Task or Future (asyncio.gather returns one too) gives its result only when awaited.",
    ),
    "equal": (
        "结果不对：期望 {expected}，实际得到 {actual}。",
        "Wrong result: expected {expected}, got {actual}.",
    ),
    "equal-none": (
        "结果是 None，期望 {expected}：函数没有返回值就结束了（缺少 return，或 return 后面没有值）。",
        "The result is None, not {expected}: the function ended without returning a value (no return, or a bare return).",
    ),
    "equal-coroutine": (
        "结果是一个协程对象，而不是 {expected}：调用 async 函数后需要 await 才能拿到返回值。",
        "The result is a coroutine object, not {expected}: an async function's return value needs await.",
    ),
    "raises-nothing": (
        "期望抛出 {expected}，但没有抛出任何异常。",
        "Expected {expected} to be raised, but nothing was raised.",
    ),
    "raises-other": (
        "期望抛出 {expected}，实际抛出的是 {actual}。",
        "Expected {expected} to be raised, but got {actual}.",
    ),
    "not-a-coroutine-function": (
        "{name} 应该用 async def 定义为协程函数。",
        "{name} should be a coroutine function, defined with async def.",
    ),
    "missing-name": (
        "你的代码里没有定义 {name}。",
        "Your code does not define {name}.",
    ),
    # test / run outcomes
    "student-exception": (
        "你的代码抛出了未捕获的异常：{error}",
        "Your code raised an uncaught exception: {error}",
    ),
    "student-exception-line": (
        "你的代码在第 {line} 行抛出了未捕获的异常：{error}",
        "Your code raised an uncaught exception on line {line}: {error}",
    ),
    "student-exception-gather": (
        "你的代码抛出了未捕获的异常：{error}。它是从第 {gather} 行的 asyncio.gather 里传出来的："
        + GATHER_RERAISES[0],
        "Your code raised an uncaught exception: {error}. It came out of the asyncio.gather on line {gather}: "
        + GATHER_RERAISES[1],
    ),
    "student-exception-gather-line": (
        "你的代码在第 {line} 行抛出了未捕获的异常：{error}。它是从第 {gather} 行的 asyncio.gather 里传出来的："
        + GATHER_RERAISES[0],
        "Your code raised an uncaught exception on line {line}: {error}. It came out of the asyncio.gather on "
        "line {gather}: " + GATHER_RERAISES[1],
    ),
    "deadlock": (
        "死锁：在虚拟时间 {now} 秒时，所有协程和线程都在等待，再也没有任何事情能发生"
        "（例如 Event 从未被 set、Lock 从未被释放、队列永远为空、任务在等待自己）。",
        "Deadlock: at virtual time {now} s every coroutine and thread was waiting and nothing could ever run "
        "again (an Event never set, a Lock never released, a queue that stays empty, a task awaiting itself).",
    ),
    "deadlock-waiting": (
        "死锁：在虚拟时间 {now} 秒时，所有协程和线程都在等待，再也没有任何事情能发生。还在等的：{waits_zh}。"
        "它们等的东西（一次 set、release、notify，队列里的一项，或另一个任务结束）再也不会来了。",
        "Deadlock: at virtual time {now} s every coroutine and thread was waiting and nothing could ever run again. "
        "Still waiting: {waits}. What they wait for (a set, a release, a notify, an item on a queue, another task's "
        "end) can no longer come.",
    ),
    "virtual-time-limit": (
        "程序的虚拟运行时间超过了 {limit} 秒的上限：是不是有无限循环的等待，或者等待时间太长？",
        "The program ran for more than the {limit} s limit of virtual time: an endless loop of waits, or a "
        "wait that is far too long?",
    ),
    "busy-wait": (
        "程序在不停地读取时间（忙等待），却从不让出控制权：请用 await asyncio.sleep() 或 time.sleep() 等待。",
        "The program keeps reading the clock in a busy-wait without ever yielding: wait with "
        "await asyncio.sleep() or time.sleep() instead.",
    ),
    "syntax-error": (
        "语法错误（第 {line} 行）：{error}。代码无法运行，所有测试都未执行。",
        "Syntax error (line {line}): {error}. The code cannot run, so no test was run.",
    ),
    "syntax-error-file": (
        "代码无法编译：{error}。代码无法运行，所有测试都未执行。",
        "The code cannot be compiled: {error}. It cannot run, so no test was run.",
    ),
    "syntax-error-run": (
        "语法错误（第 {line} 行）：{error}。程序没有运行：改正这一行后再运行。",
        "Syntax error (line {line}): {error}. The program did not run: fix that line and run it again.",
    ),
    "syntax-error-file-run": (
        "代码无法编译：{error}。程序没有运行。",
        "The code cannot be compiled: {error}. The program did not run.",
    ),
    "skipped-syntax": (
        "未运行：代码有语法错误。",
        "Not run: the code has a syntax error.",
    ),
    "runtime-error": (
        "程序因未捕获的异常而结束：{error}",
        "The program ended with an uncaught exception: {error}",
    ),
    "runtime-error-line": (
        "程序在第 {line} 行因未捕获的异常而结束：{error}",
        "The program ended with an uncaught exception on line {line}: {error}",
    ),
    "memory-limit": (
        "程序使用的内存超过了上限。",
        "The program used more memory than allowed.",
    ),
    "output-limit": (
        "程序的输出超过了 {limit} 字节的上限。",
        "The program printed more than the {limit}-byte limit.",
    ),
    "cpu-limit": (
        "程序占用的 CPU 时间超过了 {limit} 秒的上限（是不是有死循环？）。",
        "The program used more than {limit} s of CPU time (an endless loop?).",
    ),
    "exit-called": (
        "程序调用了 sys.exit({code})，测试无法继续。",
        "The program called sys.exit({code}); the test could not go on.",
    ),
    "passed-run": (
        "程序正常结束，用时 {elapsed} 秒（{clock_zh}）。",
        "The program finished normally in {elapsed} s ({clock} clock).",
    ),
    # tampering, and the limits the judge enforces
    "tampering": (
        "评测系统无法信任这次运行：你的程序{what}（{where}）。评测只根据评测系统自己能观察到的事实打分，"
        "所以这次提交得 0 分。删掉这部分代码，再提交一次。",
        "The grader cannot trust this run: your program {what_en} ({where_en}). Grading relies only on what the "
        "grader can observe for itself, so this submission scores 0. Remove that code and submit again.",
    ),
    "tampering-test": (
        "未计分：程序试图干预评测（详见总评）。",
        "Not scored: the program interfered with the grader (see the overall message).",
    ),
    "wall-time-limit": (
        "程序运行超过了 {limit} 秒（真实时间）的上限，被终止了。它可能在等待永远不会发生的事情。",
        "The program ran for more than the {limit} s limit of real time and was stopped. It may be waiting "
        "for something that never happens.",
    ),
    "skipped-limit": (
        "未运行：之前的测试已用完了运行时间。",
        "Not run: an earlier test used up the time limit.",
    ),
    "process-ended": (
        "程序的进程意外结束了（{how}）。",
        "The program's process ended unexpectedly ({how}).",
    ),
    "ended-early": (
        "程序在运行结束之前就结束了自己的进程（{how}，例如 os._exit 或向自己发信号）：评测系统看不到这次运行，测试不通过。"
        "让程序正常结束（从 main 返回），不要调用 os._exit。",
        "The program ended its own process before the run was over ({how}: os._exit, or a signal it sent itself): the "
        "grader could not observe the run, so the test fails. Let the program end normally (return from main); do not "
        "call os._exit.",
    ),
    "file-size-limit": (
        "程序写入的文件超过了 {limit} MB 的上限，被终止了。",
        "The program wrote a file larger than {limit} MB and was stopped.",
    ),
}


# Messages that say only what was measured against what was expected: they
# name no cause, since the grader has not seen one. Every other message
# reports something observed in the run (a blocking call, a coroutine never
# awaited, a deadlock, an exception and where it came from).
MEASURED = frozenset({
    "sequential", "too-slow", "too-fast", "not-about", "max-in-flight", "min-in-flight", "not-overlapped",
    "task-missing", "order", "output-missing", "equal", "raises-nothing", "raises-other",
})


def message_kind(key: str) -> str:
    """Where a catalogue message stands: "measured" or "observed" (grader/CONTRACT.md)."""
    return "measured" if key in MEASURED else "observed"


def message(key: str, **parameters) -> dict:
    zh, en = CATALOG[key]
    return bilingual(zh.format(**parameters), en.format(**parameters))
