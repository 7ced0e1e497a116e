"""Thread-pool executors on the virtual clock: a job is an actor while it
runs; jobs beyond ``max_workers`` wait for a slot on the virtual clock (see
clock.py, ExecutorSlots)."""

from __future__ import annotations

import concurrent.futures.thread as futures_thread
import os
import threading

from .clock import scheduler
from .names import job_name
from .trace import recorder

_submitting = threading.local()
_original_submit = futures_thread.ThreadPoolExecutor.submit
_original_work_item_init = futures_thread._WorkItem.__init__
_original_work_item_run = futures_thread._WorkItem.run


def executor_submit(self, fn, /, *args, **kwargs):
    _submitting.executor = self
    try:
        return _original_submit(self, fn, *args, **kwargs)
    finally:
        _submitting.executor = None


def work_item_init(self, future, fn, args, kwargs):
    _original_work_item_init(self, future, fn, args, kwargs)
    executor = getattr(_submitting, "executor", None)
    if executor is not None and scheduler.virtual and scheduler.current_actor() is not None:
        slots = scheduler.slots_for(executor)
        self._awaitable_slots = slots
        scheduler.job_queued(slots)


def work_item_run(self):
    slots = getattr(self, "_awaitable_slots", None)
    if slots is None:
        return _original_work_item_run(self)
    actor = scheduler.job_started(slots, job_name(self.fn))
    recorder.thread_event("job-start", actor, actor.name)
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
        scheduler.job_finished(slots, actor)


def install_executors() -> None:
    futures_thread.ThreadPoolExecutor.submit = executor_submit
    futures_thread._WorkItem.__init__ = work_item_init
    futures_thread._WorkItem.run = work_item_run
    # The default executor's size depends on the CPU count; pin it so that
    # verdicts do not depend on the machine.
    os.cpu_count = lambda: 4
