"""Thread-pool executors on the virtual clock: a job is an actor while it
runs; jobs beyond ``max_workers`` wait for a slot on the virtual clock (see
clock.py, ExecutorSlots)."""

from __future__ import annotations

import concurrent.futures.thread as futures_thread
import os
import threading

from .clock import scheduler
from .names import job_name
from .threads import _original_join
from .trace import recorder

_submitting = threading.local()
_original_submit = futures_thread.ThreadPoolExecutor.submit
_original_work_item_init = futures_thread._WorkItem.__init__
_original_work_item_run = futures_thread._WorkItem.run
_original_shutdown = futures_thread.ThreadPoolExecutor.shutdown


def executor_submit(self, fn, /, *args, **kwargs):
    _submitting.executor = self
    try:
        return _original_submit(self, fn, *args, **kwargs)
    finally:
        _submitting.executor = None


class _Jobs:
    """An executor's jobs not done yet, and the condition its shutdown waits on."""

    __slots__ = ("condition", "pending")

    def __init__(self) -> None:
        self.condition = threading.Condition(threading.Lock())
        self.pending: set = set()

    def done(self) -> bool:
        return all(future.done() for future in self.pending)


def _jobs_of(executor) -> _Jobs:
    jobs = getattr(executor, "_awaitable_jobs", None)
    if jobs is None:
        jobs = executor._awaitable_jobs = _Jobs()
    return jobs


def work_item_init(self, future, fn, args, kwargs):
    _original_work_item_init(self, future, fn, args, kwargs)
    executor = getattr(_submitting, "executor", None)
    if executor is not None and scheduler.virtual and scheduler.current_actor() is not None:
        slots = scheduler.slots_for(executor)
        self._awaitable_slots = slots
        jobs = self._awaitable_jobs = _jobs_of(executor)
        with jobs.condition:
            jobs.pending.add(future)
        scheduler.job_queued(slots)


def work_item_run(self):
    slots = getattr(self, "_awaitable_slots", None)
    if slots is None:
        return _original_work_item_run(self)
    actor = scheduler.job_started(slots, job_name(self.fn))
    # Which pool of the run (numbered as their first job was queued), and its size.
    pool = scheduler.executors.index(slots) if slots in scheduler.executors else None
    recorder.thread_event("job-start", actor, actor.name, {"pool": pool, "workers": slots.max_workers})
    function = self.fn

    def traced(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            # Before the result reaches the loop, so traces are deterministic.
            recorder.thread_event("job-end", actor, actor.name)

    self.fn = traced
    try:
        # Setting the future's result hands the loop its callback (and marks
        # the loop running) before this job stops holding the clock.
        _original_work_item_run(self)
    finally:
        jobs = self._awaitable_jobs
        with jobs.condition:
            jobs.pending.discard(self.future)
            # A shutdown(wait=True) waiting for the jobs wakes (and counts as
            # running) before this job stops holding the clock.
            jobs.condition.notify_all()
        scheduler.job_finished(slots, actor)


def executor_shutdown(self, wait=True, *, cancel_futures=False):
    """shutdown(wait=True) from an actor waits for the executor's jobs on the
    virtual clock (a real join would hold the clock still while the jobs it
    waits for sleep on it); then its worker threads, which only have to exit."""
    jobs = getattr(self, "_awaitable_jobs", None)
    if not wait or jobs is None or not scheduler.virtual or scheduler.current_actor() is None:
        return _original_shutdown(self, wait, cancel_futures=cancel_futures)
    _original_shutdown(self, False, cancel_futures=cancel_futures)
    started = scheduler.now
    with jobs.condition:
        jobs.condition.wait_for(jobs.done)
    if scheduler.now > started:
        # The thread that waited did nothing else meanwhile: in a coroutine,
        # the event loop was blocked (as it is by time.sleep).
        recorder.blocking_call("ThreadPoolExecutor.shutdown", scheduler.now - started)
    for thread in list(self._threads):
        _original_join(thread)


def install_executors() -> None:
    futures_thread.ThreadPoolExecutor.submit = executor_submit
    futures_thread._WorkItem.__init__ = work_item_init
    futures_thread._WorkItem.run = work_item_run
    futures_thread.ThreadPoolExecutor.shutdown = executor_shutdown
    # The default executor's size depends on the CPU count; pin it so that
    # verdicts do not depend on the machine.
    os.cpu_count = lambda: 4
