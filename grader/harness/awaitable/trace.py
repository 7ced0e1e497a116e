"""The trace: what the student's coroutines, threads and fake I/O did, when.

Task steps are observed by wrapping ``asyncio.events.Handle._run``: every
task step is a handle whose callback is either the C task's step wrapper or
its ``task_wakeup`` builtin, from which the task is recovered. After a step
the task is either done or suspended on ``task._fut_waiter``; the coroutine's
``cr_await`` chain names what it waits on (``asyncio.sleep(0.5)``,
``Semaphore.acquire``, ``GET https://...``).
"""

from __future__ import annotations

import asyncio
import asyncio.events
import os
import re
import sys
import time
import warnings
import weakref

from . import threads
from .clock import scheduler
from .loop import VirtualEventLoop

ASYNCIO_DIRECTORY = os.path.dirname(os.path.realpath(asyncio.__file__)) + os.sep
FAKEIO_DIRECTORY = os.path.join(os.path.dirname(os.path.realpath(__file__)), "fakeio") + os.sep

# One task step using more real CPU than this is recorded as a blocking
# stretch ("CPU work blocked the event loop").
CPU_BLOCKING_SECONDS = 0.05
MAX_EVENTS = 20_000
MAX_OUTPUT_CHARACTERS = 64 * 1024

SYNC_PRIMITIVES = {
    "Lock.acquire", "Semaphore.acquire", "BoundedSemaphore.acquire", "Event.wait",
    "Condition.wait", "Condition.wait_for", "Queue.get", "Queue.put", "Queue.join",
    "Barrier.wait", "Barrier._block", "Barrier._wait",
}
NEVER_AWAITED = re.compile(r"coroutine '([^']+)' was never awaited")


def _round(value: float) -> float:
    return round(value, 6)


def _short_repr(value, limit: int = 40) -> str:
    try:
        text = repr(value)
    except Exception:  # a student's __repr__ may raise
        text = "<>"
    if text.startswith("<"):
        # "<aiohttp.ClientSession object at 0x7f...>" says less than its type
        # and would make traces differ from run to run.
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def coroutine_label(coro) -> str:
    name = getattr(coro, "__qualname__", None) or type(coro).__name__
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
    return f"{name}({shown})"


class TaskRecord:
    __slots__ = ("id", "name", "label", "coroutine", "parent", "created", "started", "ended",
                 "outcome", "error", "steps", "in_flight", "internal")

    def __init__(self, identifier: int, task, parent, created: float) -> None:
        coro = task.get_coro()
        self.id = identifier
        self.name = task.get_name()
        self.coroutine = getattr(coro, "__qualname__", None) or type(coro).__name__
        self.label = coroutine_label(coro)
        self.parent = parent
        self.created = created
        self.started = None
        self.ended = None
        self.outcome = None
        self.error = None
        self.steps = 0
        self.in_flight = False
        self.internal = self.coroutine.startswith("BaseEventLoop.")

    def as_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "coroutine": self.coroutine, "label": self.label,
            "parent": self.parent, "created": _round(self.created),
            "started": None if self.started is None else _round(self.started),
            "ended": None if self.ended is None else _round(self.ended),
            "outcome": self.outcome, "error": self.error,
        }


class Recorder:
    def __init__(self) -> None:
        self.clock = lambda: scheduler.now
        self.charge_cpu = False
        self.reset()

    def reset(self, wall_start: float | None = None) -> None:
        if wall_start is None:
            self.clock = lambda: scheduler.now
        else:
            self.clock = lambda: time.perf_counter() - wall_start
        self.events: list[dict] = []
        self.tasks: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
        self.records: list[TaskRecord] = []
        self.threads: list[dict] = []
        self.blocking: list[dict] = []
        self.never_awaited: list[str] = []
        self.warnings: list[dict] = []
        self.in_flight = 0
        self.peak_in_flight = 0
        self.io_sequence = 0
        self.io_open: dict[int, dict] = {}
        self.truncated = False
        self.output_characters = 0
        self.stdout_parts: list[str] = []
        self.stderr_parts: list[str] = []
        self.executor_labels: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    def now(self) -> float:
        return self.clock()

    def emit(self, event: dict) -> None:
        if len(self.events) >= MAX_EVENTS:
            self.truncated = True
            return
        self.events.append(event)

    def _flight(self, delta: int) -> None:
        self.in_flight += delta
        if self.in_flight > self.peak_in_flight:
            self.peak_in_flight = self.in_flight

    # ----- tasks ----------------------------------------------------------

    def task_created(self, task) -> None:
        parent_task = asyncio.current_task() if asyncio.events._get_running_loop() else None
        parent_record = self.tasks.get(parent_task) if parent_task is not None else None
        record = TaskRecord(len(self.records) + 1, task, parent_record.id if parent_record else None,
                            self.now())
        self.tasks[task] = record
        if record.internal:
            return
        self.records.append(record)
        self.emit({"t": _round(record.created), "kind": "create", "task": record.id,
                   "parent": record.parent, "label": record.label})

    def step_start(self, record: TaskRecord) -> None:
        now = self.now()
        if record.in_flight:
            record.in_flight = False
            self._flight(-1)
        record.steps += 1
        if record.started is None:
            record.started = now
            self.emit({"t": _round(now), "kind": "start", "task": record.id})
        else:
            self.emit({"t": _round(now), "kind": "resume", "task": record.id})

    def step_end(self, task, record: TaskRecord, cpu: float, started: float) -> None:
        # asyncio.create_task(coro, name=...) names the task only after the
        # loop created it (and set_name() may rename it later): take the name
        # as it is after each step.
        record.name = task.get_name()
        if self.charge_cpu and cpu > 0:
            scheduler.charge(cpu)
        now = self.now()
        if cpu >= CPU_BLOCKING_SECONDS:
            self.blocking.append({"call": "cpu", "task": record.id, "label": record.label,
                                  "t": _round(started), "end": _round(now), "realMs": round(cpu * 1000)})
            self.emit({"t": _round(started), "kind": "blocking", "call": "cpu", "task": record.id,
                       "end": _round(now), "realMs": round(cpu * 1000)})
        if task.done():
            record.ended = now
            if task.cancelled():
                record.outcome = "cancelled"
            elif task._exception is not None:
                record.outcome = "exception"
                record.error = _short_repr(task._exception, 120)
            else:
                record.outcome = "result"
            event = {"t": _round(now), "kind": "end", "task": record.id, "outcome": record.outcome}
            if record.error:
                event["error"] = record.error
            self.emit(event)
            return
        label, category = self.describe_wait(task)
        self.emit({"t": _round(now), "kind": "suspend", "task": record.id, "on": label,
                   "category": category})
        if category in ("sleep", "executor"):
            record.in_flight = True
            self._flight(+1)

    def describe_wait(self, task) -> tuple[str, str]:
        chain = []
        current = task.get_coro()
        while current is not None and len(chain) < 50:
            chain.append(current)
            current = getattr(current, "cr_await", None) or getattr(current, "gi_yieldfrom", None) \
                or getattr(current, "ag_await", None)
            if current is not None and not (hasattr(current, "cr_code") or hasattr(current, "gi_code")
                                            or hasattr(current, "ag_code")):
                break
        for coro in chain:
            code = getattr(coro, "cr_code", None)
            if code is not None and code.co_filename.startswith(FAKEIO_DIRECTORY):
                frame = coro.cr_frame
                label = frame.f_locals.get("_trace_label") if frame is not None else None
                if label:
                    return label, "io"
        for coro in reversed(chain):
            code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
            if code is None:
                continue
            filename = code.co_filename
            qualname = getattr(coro, "__qualname__", code.co_name)
            if filename.startswith(ASYNCIO_DIRECTORY):
                if qualname == "sleep":
                    frame = coro.cr_frame
                    delay = frame.f_locals.get("delay", 0) if frame is not None else 0
                    return f"asyncio.sleep({delay:g})", ("sleep" if delay and delay > 0 else "yield")
                if qualname in SYNC_PRIMITIVES:
                    return qualname, "sync"
                if qualname in ("__sleep0",):
                    continue
                return f"asyncio.{qualname}", "wait"
        waiter = getattr(task, "_fut_waiter", None)
        if waiter is not None:
            if isinstance(waiter, asyncio.Task):
                record = self.tasks.get(waiter)
                return (f"task {record.label}" if record else f"task {waiter.get_name()}"), "task"
            if type(waiter).__name__ == "_GatheringFuture":
                return "asyncio.gather", "gather"
            label = self.executor_labels.get(waiter)
            if label:
                return label, "executor"
        innermost = chain[-1] if chain else task.get_coro()
        return getattr(innermost, "__qualname__", type(innermost).__name__), "other"

    # ----- blocking calls, threads, I/O, output --------------------------------

    def blocking_call(self, call: str, seconds: float, detail: str | None = None) -> None:
        loop = asyncio.events._get_running_loop()
        now = self.now()
        if loop is None:
            actor = scheduler.current_actor()
            if actor is not None and actor.kind != "main":
                self.emit({"t": _round(now), "kind": "thread-sleep", "thread": actor.sequence,
                           "call": call, "seconds": seconds, "end": _round(now + seconds)})
            return
        task = asyncio.current_task(loop)
        record = self.tasks.get(task) if task is not None else None
        entry = {"call": call, "seconds": seconds, "task": record.id if record else None,
                 "label": record.label if record else None, "t": _round(now), "end": _round(now + seconds)}
        if detail:
            entry["detail"] = detail
        self.blocking.append(entry)
        event = {"t": _round(now), "kind": "blocking", "call": call, "task": entry["task"],
                 "seconds": seconds, "end": entry["end"]}
        if detail:
            event["detail"] = detail
        self.emit(event)

    def thread_event(self, what: str, actor, name: str, extra: dict | None = None) -> None:
        """A student thread or an executor job started or ended. ``extra``:
        fields added to the event (a process-pool job's ``process`` and ``worker``)."""
        now = self.now()
        if what in ("start", "job-start"):
            self.threads.append({"id": actor.sequence, "name": name,
                                 "kind": "thread" if what == "start" else "executor-job",
                                 "started": _round(now), "ended": None})
        else:
            for thread in self.threads:
                if thread["id"] == actor.sequence:
                    thread["ended"] = _round(now)
        event = {"t": _round(now), "kind": f"thread-{what}" if what in ("start", "end") else what,
                 "thread": actor.sequence, "name": name}
        if extra:
            event.update(extra)
        self.emit(event)

    def io_start(self, label: str) -> int:
        self.io_sequence += 1
        loop = asyncio.events._get_running_loop()
        task = asyncio.current_task(loop) if loop is not None else None
        record = self.tasks.get(task) if task is not None else None
        entry = {"id": self.io_sequence, "label": label, "task": record.id if record else None,
                 "t": _round(self.now())}
        self.io_open[self.io_sequence] = entry
        self._flight(+1)
        self.emit({"t": entry["t"], "kind": "io-start", "io": entry["id"], "label": label,
                   "task": entry["task"]})
        return self.io_sequence

    def io_end(self, identifier: int) -> None:
        if self.io_open.pop(identifier, None) is None:
            return
        self._flight(-1)
        self.emit({"t": _round(self.now()), "kind": "io-end", "io": identifier})

    def output(self, stream: str, text: str) -> None:
        if not text:
            return
        parts = self.stdout_parts if stream == "stdout" else self.stderr_parts
        if self.output_characters < MAX_OUTPUT_CHARACTERS:
            parts.append(text[: MAX_OUTPUT_CHARACTERS - self.output_characters])
        self.output_characters += len(text)
        now = _round(self.now())
        last = self.events[-1] if self.events else None
        if last is not None and last.get("kind") == "output" and last["stream"] == stream \
                and last["t"] == now and not last["text"].endswith("\n"):
            if len(last["text"]) < 2000:
                last["text"] += text
            return
        self.emit({"t": now, "kind": "output", "stream": stream, "text": text[:2000]})

    def warning(self, category: str, message: str) -> None:
        match = NEVER_AWAITED.search(message)
        if match:
            self.never_awaited.append(match.group(1))
        self.warnings.append({"category": category, "message": message})
        self.emit({"t": _round(self.now()), "kind": "warning", "category": category, "message": message})

    # ----- result ------------------------------------------------------------

    def as_json(self, elapsed: float | None = None) -> dict:
        return {
            "elapsed": _round(self.now() if elapsed is None else elapsed),
            "tasks": [record.as_json() for record in self.records],
            "threads": self.threads,
            "events": self.events,
            "blocking": self.blocking,
            "neverAwaited": self.never_awaited,
            "peakInFlight": self.peak_in_flight,
            "truncated": self.truncated,
        }


recorder = Recorder()


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
_thread_time = time.thread_time


def handle_run(self):
    task = _task_of(self._callback)
    if task is None:
        return _original_handle_run(self)
    record = recorder.tasks.get(task)
    if record is None or record.internal:
        return _original_handle_run(self)
    recorder.step_start(record)
    started = recorder.now()
    cpu_before = _thread_time()
    try:
        _original_handle_run(self)
    finally:
        recorder.step_end(task, record, _thread_time() - cpu_before, started)


_original_create_task = VirtualEventLoop.create_task
_original_run_in_executor = VirtualEventLoop.run_in_executor


def create_task(self, coro, *, name=None, context=None):
    task = _original_create_task(self, coro, name=name, context=context)
    recorder.task_created(task)
    return task


def run_in_executor(self, executor, func, *args):
    future = _original_run_in_executor(self, executor, func, *args)
    name = threads._job_name(func)
    recorder.executor_labels[future] = f"run_in_executor({name})"
    return future


_original_showwarning = warnings.showwarning


_HARNESS_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def showwarning(message, category, filename, lineno, file=None, line=None):
    recorder.warning(category.__name__, str(message))
    if os.path.abspath(filename).startswith(_HARNESS_DIRECTORY + os.sep):
        # Raised while the harness cleans up (a coroutine never awaited is
        # found by the final garbage collection): the harness's own file and
        # line would only confuse the learner, so say just what happened.
        (file or sys.stderr).write(f"{category.__name__}: {message}\n")
        return
    _original_showwarning(message, category, filename, lineno, file, line)


def install_trace() -> None:
    asyncio.events.Handle._run = handle_run
    VirtualEventLoop.create_task = create_task
    VirtualEventLoop.run_in_executor = run_in_executor
    warnings.showwarning = showwarning
    threads.hooks["sleep"] = lambda call, seconds: recorder.blocking_call(call, seconds)
    threads.hooks["thread"] = recorder.thread_event
