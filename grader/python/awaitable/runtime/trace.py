"""The trace: what the student's coroutines, threads and fake I/O did.

The recorder keeps events until the next message to the judge carries them
(port.py); the judge stamps them with its own clock, so none of them says
*when* it happened (except on the wall clock, where the judge cannot know).
They are observations of the student's own process and are validated, not
believed: grader/CONTRACT.md, "What the judge checks".

Task steps are observed by wrapping ``asyncio.events.Handle._run``: every
task step is a handle whose callback is either the C task's step wrapper or
its ``task_wakeup`` builtin, from which the task is recovered. After a step
the task is either done or suspended on ``task._fut_waiter``; what it waits
on is named from that future (a sleep's timer, a fake request, another task,
an executor job) and from the ``cr_await`` chain's coroutine names.
"""

from __future__ import annotations

import _thread
import asyncio
import asyncio.events
import asyncio.futures
import os
import re
import sys
import warnings
import weakref

from ..contract import CPU_BLOCKING_UNITS, CPU_UNIT_SECONDS
from . import calibration, port
from .clock import REAL_PERF_COUNTER, THREAD_TIME, scheduler

# Events kept before they are sent ahead of the next message.
FLUSH_EVENTS = 4000
LABEL_CHARACTERS = 120

SYNC_PRIMITIVES = {
    "Lock.acquire", "Semaphore.acquire", "BoundedSemaphore.acquire", "Event.wait",
    "Condition.wait", "Condition.wait_for", "Queue.get", "Queue.put", "Queue.join",
    "Barrier.wait", "Barrier._block", "Barrier._wait",
}
NEVER_AWAITED = re.compile(r"coroutine '([^']+)' was never awaited")
_SLEEP_CALLBACK = asyncio.futures._set_result_unless_cancelled
_PACKAGE_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _short_repr(value, limit: int = 40) -> str:
    try:
        text = repr(value)
    except Exception:  # a student's __repr__ may raise
        text = "<>"
    if not isinstance(text, str):
        text = "<>"
    if text.startswith("<"):
        # "<aiohttp.ClientSession object at 0x7f...>" says less than its type
        # and would make traces differ from run to run.
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _qualname(value) -> str:
    name = getattr(value, "__qualname__", None)
    return name if isinstance(name, str) else type(value).__name__


def coroutine_label(coro) -> str:
    name = _qualname(coro)
    frame = getattr(coro, "cr_frame", None)
    code = getattr(coro, "cr_code", None)
    if frame is None or code is None:
        return name
    count = code.co_argcount + code.co_kwonlyargcount
    names = code.co_varnames[:count]
    values = frame.f_locals
    arguments = [_short_repr(values[argument], 30) for argument in names
                 if argument in values and argument != "self"]
    shown = ", ".join(arguments[:3]) + (", …" if len(arguments) > 3 else "")
    return f"{name}({shown})"[:LABEL_CHARACTERS]


class TaskRecord:
    __slots__ = ("id", "name", "label", "internal")

    def __init__(self, identifier: int, name: str, label: str, internal: bool) -> None:
        self.id = identifier
        self.name = name
        self.label = label
        self.internal = internal


class Recorder:
    def __init__(self) -> None:
        self.charge_cpu = False
        self.wall_start: float | None = None
        self.reset()

    def reset(self, wall_start: float | None = None) -> None:
        self.wall_start = wall_start
        self.pending: list[dict] = []
        self.line_ended = True
        # How far from the blocking threshold this phase's steps stayed, in
        # units: the most work of a step below it, the least of one above it.
        self.quiet_work = 0.0
        self.blocking_work: float | None = None
        # CPU seconds the runtime itself spent inside steps, per thread.
        self.overhead: dict[int, float] = {}
        self.tasks: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
        self.task_count = 0
        # Futures of asyncio.sleep timers -> their deadline; fake requests in
        # progress per task; executor futures -> their label.
        self.sleep_futures: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
        self.io_waits: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
        self.executor_labels: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    def take_events(self) -> list:
        events, self.pending = self.pending, []
        return events

    def emit(self, event: dict) -> None:
        if self.wall_start is not None:
            event["t"] = round(REAL_PERF_COUNTER() - self.wall_start, 6)
        self.pending.append(event)
        if len(self.pending) >= FLUSH_EVENTS and scheduler.judged:
            port.events()

    def _current_record(self) -> TaskRecord | None:
        loop = asyncio.events._get_running_loop()
        task = asyncio.current_task(loop) if loop is not None else None
        return self.tasks.get(task) if task is not None else None

    # ----- tasks ----------------------------------------------------------

    def task_created(self, task) -> None:
        started = THREAD_TIME()
        try:
            self._task_created(task)
        finally:
            # The runtime's own work is not the student's: it is left out of
            # the CPU the step is charged with.
            ident = _get_ident()
            self.overhead[ident] = self.overhead.get(ident, 0.0) + THREAD_TIME() - started

    def _task_created(self, task) -> None:
        parent_record = self._current_record() if asyncio.events._get_running_loop() else None
        coro = task.get_coro()
        coroutine = _qualname(coro)
        self.task_count += 1
        internal = coroutine.startswith("BaseEventLoop.")
        record = TaskRecord(self.task_count, task.get_name(), "" if internal else coroutine_label(coro), internal)
        self.tasks[task] = record
        if record.internal:
            return
        self.emit({"kind": "create", "task": record.id, "parent": parent_record.id if parent_record else None,
                   "label": record.label, "coroutine": coroutine[:LABEL_CHARACTERS],
                   "name": record.name[:LABEL_CHARACTERS]})

    def step_start(self, task, record: TaskRecord) -> None:
        waiter = getattr(task, "_fut_waiter", None)
        event = {"kind": "resume", "task": record.id}
        # A step that starts because what the task waited on was cancelled
        # (a timeout, task.cancel()) may come before that wait's deadline.
        if waiter is not None and waiter.cancelled():
            event["cancelled"] = True
        elif getattr(task, "_must_cancel", False):
            event["cancelled"] = True
        self.emit(event)

    def step_end(self, task, record: TaskRecord, cpu: float) -> None:
        # asyncio.create_task(coro, name=...) names the task only after the
        # loop created it (and set_name() may rename it later): take the name
        # as it is after each step.
        name = task.get_name()
        if name != record.name:
            record.name = name
            self.emit({"kind": "name", "task": record.id, "name": name[:LABEL_CHARACTERS]})
        if self.charge_cpu and cpu > 0:
            scheduler.charge(calibration.units(cpu) * CPU_UNIT_SECONDS)
        work = calibration.units(cpu)
        self._margin(work)
        if work >= CPU_BLOCKING_UNITS:
            self.emit({"kind": "cpu", "task": record.id, "realMs": round(cpu * 1000), "work": round(work)})
        if task.done():
            event = {"kind": "end", "task": record.id}
            if task.cancelled():
                event["outcome"] = "cancelled"
            elif task._exception is not None:
                event["outcome"] = "exception"
                event["error"] = _short_repr(task._exception, LABEL_CHARACTERS)
            else:
                event["outcome"] = "result"
            self.emit(event)
            return
        event = self.describe_wait(task)
        event["task"] = record.id
        self.emit(event)

    def callback_cpu(self, callback, cpu: float) -> None:
        """A plain callback (not a task step) that used the CPU long enough to block the loop."""
        work = calibration.units(cpu)
        self._margin(work)
        if work >= CPU_BLOCKING_UNITS:
            self.emit({"kind": "cpu", "task": None, "label": _qualname(callback)[:LABEL_CHARACTERS],
                       "realMs": round(cpu * 1000), "work": round(work)})

    def _margin(self, work: float) -> None:
        if work >= CPU_BLOCKING_UNITS:
            if self.blocking_work is None or work < self.blocking_work:
                self.blocking_work = work
        elif work > self.quiet_work:
            self.quiet_work = work

    def describe_wait(self, task) -> dict:
        waiter = getattr(task, "_fut_waiter", None)
        io = self.io_waits.get(task)
        if io is not None:
            label, identifier = io
            return {"kind": "suspend", "on": label, "category": "io", "io": identifier}
        if waiter is not None:
            until = self.sleep_futures.get(waiter)
            if until is not None:
                delay = until - scheduler.now
                return {"kind": "suspend", "on": f"asyncio.sleep({delay:g})", "category": "sleep", "until": until}
        chain = []
        current = task.get_coro()
        while current is not None and len(chain) < 50:
            chain.append(current)
            current = getattr(current, "cr_await", None) or getattr(current, "gi_yieldfrom", None) \
                or getattr(current, "ag_await", None)
            if current is not None and not hasattr(current, "send"):
                break
        for coro in reversed(chain):
            qualname = _qualname(coro)
            if qualname in SYNC_PRIMITIVES and _is_asyncio(coro):
                return {"kind": "suspend", "on": qualname, "category": "sync"}
            if qualname in ("sleep", "__sleep0") and _is_asyncio(coro):
                return {"kind": "suspend", "on": "asyncio.sleep(0)", "category": "yield"}
            if qualname in _ASYNCIO_COROUTINES and _is_asyncio(coro):
                return {"kind": "suspend", "on": f"asyncio.{qualname}", "category": "wait"}
        if waiter is not None:
            if isinstance(waiter, asyncio.Task):
                record = self.tasks.get(waiter)
                label = f"task {record.label}" if record is not None else f"task {waiter.get_name()}"
                return {"kind": "suspend", "on": label[:LABEL_CHARACTERS], "category": "task",
                        "waits": record.id if record is not None else None}
            if type(waiter).__name__ == "_GatheringFuture":
                return {"kind": "suspend", "on": "asyncio.gather", "category": "gather"}
            label = self.executor_labels.get(waiter)
            if label:
                return {"kind": "suspend", "on": label, "category": "executor"}
        innermost = chain[-1] if chain else task.get_coro()
        return {"kind": "suspend", "on": _qualname(innermost)[:LABEL_CHARACTERS], "category": "other"}

    # ----- the loop's timers -------------------------------------------------

    def timer(self, loop_id: int, timer_id: int, when: float, callback=None, args=()) -> None:
        if callback is _SLEEP_CALLBACK and args:
            self.sleep_futures[args[0]] = when
        self.emit({"kind": "timer", "loop": loop_id, "id": timer_id, "when": when})

    def timer_cancelled(self, loop_id: int, timer_id: int) -> None:
        self.emit({"kind": "timer-cancel", "loop": loop_id, "id": timer_id})

    def loop_closed(self, loop_id: int) -> None:
        self.emit({"kind": "loop-close", "loop": loop_id})

    def wait(self, actor: int, deadline: float) -> None:
        self.emit({"kind": "wait", "actor": actor, "deadline": deadline})

    # ----- blocking calls, threads, I/O, output --------------------------------

    def blocking_call(self, call: str, seconds: float, detail: str | None = None) -> None:
        loop = asyncio.events._get_running_loop()
        if loop is None:
            actor = scheduler.current_actor()
            if actor is not None and actor.kind != "main":
                self.emit({"kind": "thread-sleep", "thread": actor.sequence, "call": call, "seconds": seconds})
            return
        record = self._current_record()
        event = {"kind": "blocking", "call": call, "seconds": seconds, "task": record.id if record else None}
        if detail:
            event["detail"] = detail[:LABEL_CHARACTERS * 2]
        self.emit(event)

    def thread_event(self, what: str, actor, name: str, extra: dict | None = None) -> None:
        """A student thread or an executor job started or ended. ``extra``:
        fields added to the event (a process-pool job's ``process`` and ``worker``)."""
        kind = f"thread-{what}" if what in ("start", "end") else what
        event = {"kind": kind, "thread": actor.sequence, "name": str(name)[:LABEL_CHARACTERS]}
        if extra:
            event.update(extra)
        self.emit(event)

    def io_waiting(self, task, label: str, identifier: int) -> None:
        self.io_waits[task] = (label, identifier)

    def io_done(self, task, identifier: int, cancelled: bool) -> None:
        if task is not None:
            self.io_waits.pop(task, None)
        event = {"kind": "io-end", "io": identifier}
        if cancelled:
            event["cancelled"] = True
        self.emit(event)

    def output(self, stream: str, size: int, line_ended: bool) -> None:
        """Where in the events the next ``size`` bytes of ``stream`` were
        written (one marker per line, as the trace shows them)."""
        last = self.pending[-1] if self.pending else None
        if last is not None and last.get("kind") == "out" and last["stream"] == stream and not self.line_ended:
            last["bytes"] += size
        else:
            self.emit({"kind": "out", "stream": stream, "bytes": size})
        self.line_ended = line_ended

    def warning(self, category: str, message: str) -> None:
        self.emit({"kind": "warning", "category": category[:LABEL_CHARACTERS], "message": message[:1000]})


recorder = Recorder()

_ASYNCIO_COROUTINES: set[str] = set()
_ASYNCIO_CODES: set[int] = set()


def _collect_asyncio_coroutines() -> None:
    """The coroutine functions asyncio defines, by name and code identity
    (once: the zygote does it before it forks anything)."""
    if _ASYNCIO_CODES:
        return
    import inspect
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("asyncio"):
            continue
        for value in list(vars(module).values()):
            candidates = [value]
            if isinstance(value, type) and value.__module__.startswith("asyncio"):
                candidates = list(vars(value).values())
            for candidate in candidates:
                function = getattr(candidate, "__func__", candidate)
                if inspect.iscoroutinefunction(function) and hasattr(function, "__code__"):
                    _ASYNCIO_COROUTINES.add(function.__qualname__)
                    _ASYNCIO_CODES.add(id(function.__code__))
    # asyncio.sleep(0) without a timer
    sleep0 = getattr(asyncio.tasks, "__sleep0", None)
    if sleep0 is not None:
        _ASYNCIO_CODES.add(id(sleep0.__code__))


def _is_asyncio(coro) -> bool:
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    return code is not None and id(code) in _ASYNCIO_CODES


def _task_of(callback):
    # The C task's step wrapper and its task_wakeup builtin both expose the
    # task as __self__; other callbacks are not task steps.
    owner = getattr(callback, "__self__", None)
    if owner is None or not isinstance(owner, asyncio.Task):
        return None
    if type(callback).__name__ == "TaskStepMethWrapper" or getattr(callback, "__name__", "") == "task_wakeup":
        return owner
    return None


_original_handle_run = asyncio.events.Handle._run
_get_ident = _thread.get_ident


def _step_cpu(ident: int, cpu_before: float, overhead_before: float) -> float:
    return THREAD_TIME() - cpu_before - (recorder.overhead.get(ident, 0.0) - overhead_before)


def handle_run(self):
    callback = self._callback
    task = _task_of(callback)
    record = recorder.tasks.get(task) if task is not None else None
    ident = _get_ident()
    if record is None or record.internal:
        overhead_before = recorder.overhead.get(ident, 0.0)
        cpu_before = THREAD_TIME()
        try:
            return _original_handle_run(self)
        finally:
            recorder.callback_cpu(callback, _step_cpu(ident, cpu_before, overhead_before))
    recorder.step_start(task, record)
    overhead_before = recorder.overhead.get(ident, 0.0)
    cpu_before = THREAD_TIME()
    try:
        _original_handle_run(self)
    finally:
        recorder.step_end(task, record, _step_cpu(ident, cpu_before, overhead_before))


_original_showwarning = warnings.showwarning


def showwarning(message, category, filename, lineno, file=None, line=None):
    recorder.warning(category.__name__, str(message))
    if isinstance(filename, str) and filename.startswith(_PACKAGE_DIRECTORY):
        # Raised while the runtime cleans up (a coroutine never awaited is
        # found by the final garbage collection): the runtime's own file and
        # line would only confuse the learner, so say just what happened.
        (file or sys.stderr).write(f"{category.__name__}: {message}\n")
        return
    _original_showwarning(message, category, filename, lineno, file, line)


def install_trace() -> None:
    _collect_asyncio_coroutines()
    asyncio.events.Handle._run = handle_run
    warnings.showwarning = showwarning
