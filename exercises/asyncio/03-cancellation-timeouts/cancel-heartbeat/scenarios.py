"""Drives the submission from inside its process (see tests.py): heartbeat()
runs as a task of our own that is cancelled, with the log sampled half-way
between the seconds; run_for()'s log is read both when it returns and a little
later; run_for() also runs with a heartbeat of our own whose cleanup takes
time. Everything returned is plain data."""

import asyncio


class _GiveUp(BaseException):
    """Raised into a heartbeat that went on beating after its cancel, so the run can end."""


class _Log(list):
    """The list handed to heartbeat(). Once the scenario has given up on a
    heartbeat that ignores cancel(), adding to the list raises _GiveUp, which
    no `except asyncio.CancelledError` catches, so that task ends too."""

    given_up = False

    def _check(self):
        if self.given_up:
            raise _GiveUp()

    def append(self, item):
        self._check()
        super().append(item)

    def extend(self, items):
        self._check()
        super().extend(items)

    def insert(self, index, item):
        self._check()
        super().insert(index, item)

    def __iadd__(self, items):
        self._check()
        return super().__iadd__(items)


async def cancel_heartbeat(student, after, grace=3.0):
    """heartbeat(log) as our task, cancelled at `after` s. The beats are
    counted at 0.5 s, 1.5 s, … (between the whole seconds, so no tie with a
    beat); a task that has not ended `grace` s after its cancel is reported,
    then stopped through its log."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = _Log()
    task = asyncio.create_task(student.heartbeat(log))
    ended = []
    task.add_done_callback(lambda _: ended.append(loop.time() - start))
    counts = []
    moment = 0.5
    while moment < after and not task.done():
        await asyncio.sleep(max(0.0, start + moment - loop.time()))
        counts.append([moment, log.count("beat")])
        moment += 1
    if start + after > loop.time():
        await asyncio.sleep(start + after - loop.time())
    ended_before_cancel = ended[0] if ended else None
    log_at_cancel = list(log)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=grace)
    still_running = not done
    log_after_grace = list(log)
    if still_running:
        log.given_up = True
        await asyncio.wait({task})
    cancelled = task.cancelled()
    if not task.cancelled() and task.exception() is not None and not isinstance(task.exception(), _GiveUp):
        raise task.exception()
    return {
        "log": log_after_grace,
        "cancelled": cancelled,
        "counts": counts,
        "ended_before_cancel": ended_before_cancel,
        "log_at_cancel": log_at_cancel,
        "still_running": still_running,
    }


RUNNER = "awaitable: run_for"  # the name of our task that runs run_for()
PATIENCE = 10.0  # how long past `seconds` run_for may take before it is reported as stuck


async def run_for_log(student, seconds):
    """run_for(seconds) in a task of ours: the log when it returns and 0.1 s
    later; or, if it has not returned PATIENCE s after `seconds`, what the
    other tasks were doing then (their coroutine, and how many cancellations
    had been requested for each)."""
    runner = asyncio.create_task(student.run_for(seconds), name=RUNNER)
    done, _ = await asyncio.wait({runner}, timeout=seconds + PATIENCE)
    if not done:
        others = [task for task in asyncio.all_tasks() if task is not runner and task is not asyncio.current_task()]
        stuck = [{"coroutine": getattr(task.get_coro(), "__qualname__", "?"), "cancelling": task.cancelling()}
                 for task in others]
        runner.cancel()
        await asyncio.wait({runner})
        return {"stuck": stuck, "after": seconds + PATIENCE}
    log = runner.result()  # run_for's own exception, if any, is raised here
    at_return = list(log) if isinstance(log, list) else log  # what the caller sees at that moment
    await asyncio.sleep(0.1)
    return {"log": at_return, "later": list(log) if isinstance(log, list) else log}


CLEANUP_SECONDS = 0.3


async def _heartbeat_slow_cleanup(log):
    """A heartbeat as the prompt asks, whose cleanup takes CLEANUP_SECONDS
    (closing a connection, say) before it appends "stopped"."""
    try:
        while True:
            await asyncio.sleep(1)
            log.append("beat")
    finally:
        await asyncio.sleep(CLEANUP_SECONDS)
        log.append("stopped")


async def run_for_slow_cleanup(student, seconds):
    """run_for(seconds) with our heartbeat, whose cleanup takes 0.3 s: the log
    when run_for returns, whether our heartbeat was used at all, and the time."""
    loop = asyncio.get_running_loop()
    calls = []

    async def heartbeat(log):
        calls.append(1)
        await _heartbeat_slow_cleanup(log)

    original = student.heartbeat
    student.heartbeat = heartbeat
    try:
        log = await student.run_for(seconds)
    finally:
        student.heartbeat = original
    returned_at = loop.time()
    at_return = list(log) if isinstance(log, list) else log
    return at_return, bool(calls), returned_at
