"""Process pools on the virtual clock.

A ``ProcessPoolExecutor`` job still runs in a forked worker process, in real
time, but there it runs on a **standalone virtual clock** of its own (starting
at the parent's time when the job was submitted): ``time.sleep`` advances it
at once, CPU is free (or charged, in ``cpu: charged``). The child sends back
the job's result or exception, its virtual duration and what it printed.

In the parent, one *courier* per executor — an actor — places the jobs on
``max_workers`` virtual slots, first come first served: a job starts when a
slot is free (at its submission, or when an earlier job ends), ends its
duration later, and its future resolves then; what the job printed is
replayed at the virtual instants it was printed. The clock is held only while
a job is due to start and its real result has not arrived yet.

See grader/CONTRACT.md, "The clock model".
"""

from __future__ import annotations

import _thread
import concurrent.futures._base as futures_base
import concurrent.futures.process as futures_process
import io
import math
import os
import sys
import threading
import time

from ..contract import CPU_UNIT_SECONDS
from . import calibration
from . import port
from .clock import STALL_TYPES, THREAD_TIME, Stall, scheduler
from .names import job_name
from .threads import wait_until
from .trace import recorder

_original_submit = futures_process.ProcessPoolExecutor.submit
_original_shutdown = futures_process.ProcessPoolExecutor.shutdown

# True in a process forked from the student's process (a pool's worker): jobs
# there run on a standalone clock. A worker started another way (mp_context
# "spawn") has none of the runtime's patches and runs jobs on real time.
_forked = False

# The runtime's own sys.stdout / sys.stderr (streams.py): what a job printed
# in its child is replayed there, so it reaches the judge like the parent's
# output.
streams: dict = {"stdout": None, "stderr": None}

# Characters of output a child keeps per job (the parent's output limit then
# stops the run when it is replayed).
CAPTURE_LIMIT = 4 << 20


class Outcome:
    """What a job sends back from its child."""

    def __init__(self, ok: bool, value, end: float, output: list) -> None:
        self.ok = ok
        self.value = value  # the result, or an _ExceptionWithTraceback (an exception once unpickled)
        self.end = end  # the child's virtual clock when the job ended
        self.output = output  # [(virtual time, stream, text)]

    def __reduce__(self):
        return (_rebuild_outcome, (self.ok, self.value, self.end, self.output))


class _Capture(io.TextIOBase):
    """sys.stdout / sys.stderr of a child while it runs a job."""

    def __init__(self, stream: str, items: list, budget: list) -> None:
        self._stream = stream
        self._items = items
        self._budget = budget

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        kept = text[: self._budget[0]]
        self._budget[0] -= len(kept)
        if kept:
            now = scheduler.now
            last = self._items[-1] if self._items else None
            if last is not None and last[0] == now and last[1] == self._stream:
                self._items[-1] = (now, self._stream, last[2] + kept)
            else:
                self._items.append((now, self._stream, kept))
        return len(text)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return "utf-8"


class ProcessJob:
    """The callable a process pool really runs: the student's function, on a
    standalone virtual clock in the child."""

    def __init__(self, fn, origin: float, limit: float, charged: bool) -> None:
        self.fn = fn
        self.origin = origin
        self.limit = limit
        self.charged = charged

    def __reduce__(self):
        return (_rebuild_job, (self.fn, self.origin, self.limit, self.charged))

    def __call__(self, *args, **kwargs):
        if not _forked:
            return Outcome(True, self.fn(*args, **kwargs), self.origin, [])
        recorder.reset()
        recorder.charge_cpu = False  # charged below, once, for the whole job
        scheduler.begin_standalone(self.origin, self.limit)
        items: list = []
        budget = [CAPTURE_LIMIT]
        saved = sys.stdout, sys.stderr
        sys.stdout = _Capture("stdout", items, budget)
        sys.stderr = _Capture("stderr", items, budget)
        cpu_before = time.process_time()
        try:
            try:
                value = self.fn(*args, **kwargs)
                ok = True
            except Stall as stall:
                # The job's clock stalled (a deadlock, the virtual-time limit, a
                # busy-wait): the parent stalls with it. (The exception itself
                # does not pickle: the runtime's modules left sys.modules.)
                value, ok = stall.reason, None
            except BaseException as error:  # sent back and raised in the parent, as CPython does
                # The remote traceback starts at the student's function.
                trace = error.__traceback__.tb_next if error.__traceback__ is not None else None
                value = futures_process._ExceptionWithTraceback(error, trace)
                ok = False
            end = scheduler.now
            if self.charged:
                end += calibration.units(time.process_time() - cpu_before) * CPU_UNIT_SECONDS
        finally:
            sys.stdout, sys.stderr = saved
            scheduler.end_standalone()
        return Outcome(ok, value, end, items)


_CANCELLED = object()


class _StaleRun(Exception):
    """The run a courier belonged to has ended (grade mode runs many)."""


class _Job:
    __slots__ = ("sequence", "name", "origin", "outer", "inner", "arrived", "outcome", "start",
                 "worker", "items")

    def __init__(self, sequence: int, name: str, origin: float, outer) -> None:
        self.sequence = sequence
        self.name = name
        self.origin = origin
        self.outer = outer
        self.inner = None
        self.arrived = _thread.allocate_lock()
        self.arrived.acquire()
        self.outcome = None
        self.start = 0.0
        self.worker = 0
        self.items: list = []

    def arrive(self, inner) -> None:
        """The inner future's done callback (the pool's management thread, real time)."""
        if inner.cancelled():
            outcome = _CANCELLED
        else:
            error = inner.exception()
            if error is not None:  # the worker died, an argument did not pickle, …
                outcome = Outcome(False, error, self.origin, [])
            else:
                result = inner.result()
                outcome = result if isinstance(result, Outcome) else Outcome(True, result, self.origin, [])
        self.outcome = outcome
        self.arrived.release()


class _Thread:
    """What the trace recorder needs of a job: its id."""

    __slots__ = ("sequence",)

    def __init__(self, sequence: int) -> None:
        self.sequence = sequence


class Pool:
    """The virtual view of one ProcessPoolExecutor, and its courier."""

    def __init__(self, max_workers: int) -> None:
        self.max_workers = max_workers
        self.condition = threading.Condition(threading.Lock())
        self.pending: list[_Job] = []  # submitted, not started, in submission order
        self.running: list[_Job] = []  # started, not ended
        self.jobs: list[_Job] = []  # not yet resolved
        self.free = list(range(max_workers))
        self.shutdown = False
        self.courier = None
        self.epoch = scheduler.epoch

    # ----- the submitting side ---------------------------------------------

    def add(self, job: _Job) -> None:
        with self.condition:
            self.pending.append(job)
            self.jobs.append(job)
            # The courier counts as running from now on, so the clock cannot
            # move before it has seen the job.
            self.condition.notify()
            if self.courier is None:
                # Not a student thread: it does not appear in the trace, only
                # the jobs it places do.
                self.courier = scheduler.new_actor("process-pool", "process-pool")
                _thread.start_new_thread(self._run, (self.courier,))

    def cancelled(self) -> None:
        """A job's future was cancelled: the courier notifies its waiters."""
        with self.condition:
            self.condition.notify()

    def close(self, cancel_futures: bool) -> list:
        if cancel_futures:
            with self.condition:
                pending = list(self.pending)
            for job in pending:
                job.outer.cancel()
        with self.condition:
            self.shutdown = True
            self.condition.notify()
            return [job.outer for job in self.jobs]

    # ----- the courier -------------------------------------------------------

    def _run(self, actor) -> None:
        scheduler.bind(actor, _thread.get_ident())
        try:
            scheduler.gate(actor)
            self._loop(actor)
        except _StaleRun:
            return  # the run it belonged to is over: leave the clock alone
        except BaseException as failure:  # a runtime bug must not hang the run
            with self.condition:
                jobs, self.jobs = list(self.jobs), []
            for job in jobs:
                if not job.outer.done():
                    try:
                        job.outer.set_exception(RuntimeError(f"awaitable: process pool failed: {failure!r}"))
                    except Exception:
                        pass
        scheduler.finish(actor)

    def _loop(self, actor) -> None:
        while True:
            if scheduler.epoch != self.epoch:
                raise _StaleRun()
            with self.condition:
                action = self._decide()
                notified = False
                if action is None:
                    if self.shutdown and not self.jobs:
                        return
                    notified = wait_until(self.condition, self._next_time())
            if action is None:
                if notified:
                    # Woken by a submission: act only once the actors already
                    # running have blocked, so that the trace's order at one
                    # instant is deterministic (as a new thread's start gate).
                    scheduler.sleep_until(actor, scheduler.now)
                continue
            kind, job = action
            if kind == "cancelled":
                # As an executor does when it reaches a cancelled job: wake
                # whoever waits on it (concurrent.futures.wait, as_completed).
                job.outer.set_running_or_notify_cancel()
                scheduler.sleep_until(actor, scheduler.now)
            elif kind == "arrive":
                # Due to start, its real result not there yet: wait for it in
                # real time, holding the clock (this actor keeps running).
                job.arrived.acquire()
                job.arrived.release()
            elif kind == "start":
                if not self._start(job):
                    scheduler.sleep_until(actor, scheduler.now)
            else:
                if self._step(job):
                    # A future resolved: whatever it woke runs before the
                    # courier goes on at this instant (one actor at a time).
                    scheduler.sleep_until(actor, scheduler.now)

    def _decide(self):
        now = scheduler.now
        due = None
        for job in self.running:
            if job.items and job.items[0][0] <= now:
                if due is None or (job.items[0][0], job.sequence) < (due.items[0][0], due.sequence):
                    due = job
        if due is not None:
            return "step", due
        for job in self.pending:
            if job.outer.cancelled():
                self.pending.remove(job)
                self._forget(job)
                return "cancelled", job
        if self.free and self.pending:
            head = self.pending[0]
            if head.outcome is None:
                return "arrive", head
            self.pending.pop(0)
            return "start", head
        return None

    def _next_time(self) -> float:
        times = [job.items[0][0] for job in self.running if job.items]
        return min(times) if times else math.inf

    def _forget(self, job: _Job) -> None:
        try:
            self.jobs.remove(job)
        except ValueError:
            pass

    def _start(self, job: _Job) -> bool:
        """Start a job at the current instant. False if it was cancelled."""
        outcome = job.outcome
        if outcome is _CANCELLED:
            job.outer.cancel()
        if not job.outer.set_running_or_notify_cancel():
            with self.condition:
                self._forget(job)
            return False
        now = scheduler.now
        job.start = now
        with self.condition:
            job.worker = min(self.free)
            self.free.remove(job.worker)
            self.running.append(job)

        # The child's clock started at the job's submission; the job starts
        # later if it waited for a slot. Times are the child's own when it
        # did not (exact), shifted by the wait otherwise.
        def placed(child_time: float) -> float:
            if now == job.origin:
                return max(child_time, now)
            return max(now + (child_time - job.origin), now)

        items = [(placed(t), "output", (stream, text)) for t, stream, text in outcome.output]
        items.append((placed(outcome.end), "end", None))
        job.items = sorted(items, key=lambda item: item[0])
        recorder.thread_event("job-start", _Thread(job.sequence), job.name, {"process": True, "worker": job.worker})
        return True

    def _step(self, job: _Job) -> bool:
        """The job's next due item. True if its future was resolved."""
        _, kind, payload = job.items.pop(0)
        if kind == "output":
            stream, text = payload
            target = streams.get(stream)
            if target is not None:
                target.write(text)
            return False
        with self.condition:
            self.running.remove(job)
            self.free.append(job.worker)
            self._forget(job)
        recorder.thread_event("job-end", _Thread(job.sequence), job.name, {"process": True, "worker": job.worker})
        outcome = job.outcome
        if outcome.ok is None:
            port.stall(outcome.value if outcome.value in STALL_TYPES else "deadlock")
            job.outer.set_exception(RuntimeError(f"awaitable: a process-pool job stalled ({outcome.value})"))
        elif outcome.ok:
            job.outer.set_result(outcome.value)
        else:
            job.outer.set_exception(outcome.value)
        return True


def _pool_for(executor) -> Pool:
    pool = executor.__dict__.get("_awaitable_pool")
    if pool is None or pool.epoch != scheduler.epoch:
        # A pool kept from an earlier run (grade mode) starts afresh on this clock.
        pool = Pool(executor._max_workers)
        executor._awaitable_pool = pool
    return pool


def process_submit(self, fn, /, *args, **kwargs):
    actor = scheduler.current_actor() if scheduler.virtual else None
    if actor is None:
        return _original_submit(self, fn, *args, **kwargs)
    origin = scheduler.now
    job_function = ProcessJob(fn, origin, scheduler.limit, recorder.charge_cpu)
    # Starting the pool's worker processes (a fork each) is the pool's cost,
    # not computation of the student's: it is not charged to the step.
    started = THREAD_TIME()
    try:
        inner = _original_submit(self, job_function, *args, **kwargs)
    finally:
        ident = _thread.get_ident()
        recorder.overhead[ident] = recorder.overhead.get(ident, 0.0) + THREAD_TIME() - started
    outer = futures_base.Future()
    with scheduler.lock:
        scheduler.sequence += 1
        sequence = scheduler.sequence
    job = _Job(sequence, job_name(fn), origin, outer)
    job.inner = inner

    pool = _pool_for(self)

    def cancel_inner(future) -> None:
        if future.cancelled():
            inner.cancel()
            pool.cancelled()

    outer.add_done_callback(cancel_inner)
    inner.add_done_callback(job.arrive)
    pool.add(job)
    return outer


def process_shutdown(self, wait=True, *, cancel_futures=False):
    pool = self.__dict__.get("_awaitable_pool")
    actor = scheduler.current_actor() if scheduler.virtual else None
    if pool is None or actor is None or pool.epoch != scheduler.epoch:
        return _original_shutdown(self, wait, cancel_futures=cancel_futures)
    outstanding = pool.close(cancel_futures)
    # The workers end in real time; the jobs' futures resolve on the virtual
    # clock, and shutdown(wait=True) returns when they all have.
    _original_shutdown(self, wait, cancel_futures=cancel_futures)
    if wait and outstanding:
        futures_base.wait(outstanding)
    return None


def _after_fork_in_child() -> None:
    global _forked
    _forked = True
    scheduler.after_fork()


def _rebuild_job(fn, origin, limit, charged):
    return ProcessJob(fn, origin, limit, charged)


def _rebuild_outcome(ok, value, end, output):
    return Outcome(ok, value, end, output)


def _publish_for_pickle(function, name: str) -> None:
    """Pickle finds a function by its module's name in sys.modules, and the
    runtime's modules are not there while the student's code runs: the
    functions that rebuild a job and its outcome on the other side of a
    process pool's pipe are published on the pool's own module."""
    function.__module__ = futures_process.__name__
    function.__qualname__ = name
    function.__name__ = name
    setattr(futures_process, name, function)


def install() -> None:
    _publish_for_pickle(_rebuild_job, "_awaitable_rebuild_job")
    _publish_for_pickle(_rebuild_outcome, "_awaitable_rebuild_outcome")
    futures_process.ProcessPoolExecutor.submit = process_submit
    futures_process.ProcessPoolExecutor.shutdown = process_shutdown


def arm_fork_hook() -> None:
    """In the student's process (not its host, which forks the student
    processes themselves): a fork from here on is a process pool's worker."""
    os.register_at_fork(after_in_child=_after_fork_in_child)
