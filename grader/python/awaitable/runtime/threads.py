"""Threads as actors on the virtual clock: ``Thread.start``/``join`` and
``Condition.wait``/``notify`` (and with them Event, Semaphore, Barrier,
queue.Queue and Future.result), with virtual timeouts."""

from __future__ import annotations

import _thread
import math
import sys
import threading

from .clock import scheduler
from .locks import is_library_file
from .timefuncs import monotonic
from .trace import recorder

_original_condition_wait = threading.Condition.wait
_original_start = threading.Thread.start
_original_bootstrap_inner = threading.Thread._bootstrap_inner
_original_join = threading.Thread.join


def condition_wait(self, timeout=None):
    actor = scheduler.current_actor() if scheduler.virtual else None
    if actor is None or (timeout is not None and timeout <= 0):
        # A zero timeout is a poll: it never waits, on any clock.
        return _original_condition_wait(self, timeout)
    if timeout is None:
        deadline = math.inf
    else:
        deadline = scheduler.now + max(float(timeout), 0.0)
    return _virtual_wait(self, actor, deadline)


def wait_until(condition: threading.Condition, deadline: float) -> bool:
    """Condition.wait for an actor, until an absolute virtual deadline (exact:
    no now + timeout rounding). True if notified."""
    actor = scheduler.current_actor()
    assert actor is not None and scheduler.virtual
    return _virtual_wait(condition, actor, deadline)


def _virtual_wait(self, actor, deadline: float) -> bool:
    if not self._is_owned():
        raise RuntimeError("cannot wait on un-acquired lock")
    waiter = _thread.allocate_lock()
    waiter.acquire()
    self._waiters.append(waiter)
    saved_state = self._release_save()
    notified = False
    try:
        notified = scheduler.wait_on_waiter(actor, waiter, deadline)
        return notified
    finally:
        self._acquire_restore(saved_state)
        if not notified:
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass


def condition_notify(self, n=1):
    # CPython 3.11's notify, with each wake-up going through the scheduler so
    # the woken actor counts as running before the notifier can go idle.
    if not self._is_owned():
        raise RuntimeError("cannot notify on un-acquired lock")
    waiters = self._waiters
    while waiters and n > 0:
        waiter = waiters[0]
        if scheduler.notify_waiter(waiter):
            n -= 1
        try:
            waiters.remove(waiter)
        except ValueError:
            pass


class _Finished:
    __slots__ = ("condition", "finished")

    def __init__(self) -> None:
        self.condition = threading.Condition(threading.Lock())
        self.finished = False


def thread_start(self):
    """Student threads run on virtual time; library threads keep real time.

    What counts is who starts the thread: threads started by the standard
    library (executor workers, the default executor's shutdown,
    multiprocessing helpers) are library threads, whatever their target; a
    thread the student starts is the student's even if its target is
    ``event.wait``.
    """
    parent = scheduler.current_actor() if scheduler.virtual else None
    caller = sys._getframe(1).f_code.co_filename
    if parent is not None and not is_library_file(caller) and not hasattr(self, "_awaitable_actor"):
        actor = scheduler.new_actor(self.name, "thread")
        self._awaitable_actor = actor
        self._awaitable_finished = _Finished()
        run = self.run

        def gated_run():
            scheduler.gate(actor)
            return run()

        self.run = gated_run
        recorder.thread_event("start", actor, self.name)
    elif parent is not None:
        # A library thread (an executor's new worker) started by an actor:
        # Thread.start waits for it to signal it has started, a wait that
        # takes real time only. The clock must not move meanwhile (an idle
        # worker could take the job just submitted and sleep, and the clock
        # would run ahead of the loop still inside its step).
        scheduler.hold()
        try:
            return _original_start(self)
        finally:
            scheduler.release()
    return _original_start(self)


def thread_bootstrap_inner(self):
    actor = getattr(self, "_awaitable_actor", None)
    if actor is None:
        return _original_bootstrap_inner(self)
    scheduler.bind(actor, _thread.get_ident())
    try:
        _original_bootstrap_inner(self)
    finally:
        # Recorded before a joiner can wake, so traces are deterministic.
        recorder.thread_event("end", actor, self.name)
        finished = self._awaitable_finished
        with finished.condition:
            finished.finished = True
            finished.condition.notify_all()
        scheduler.finish(actor)


def thread_join(self, timeout=None):
    finished = getattr(self, "_awaitable_finished", None)
    actor = scheduler.current_actor() if scheduler.virtual else None
    if finished is None or actor is None:
        return _original_join(self, timeout)
    if not self._started.is_set():
        raise RuntimeError("cannot join thread before it is started")
    if self is threading.current_thread():
        raise RuntimeError("cannot join current thread")
    with finished.condition:
        finished.condition.wait_for(lambda: finished.finished, timeout)
    if finished.finished:
        # The thread has left student code; its real exit is imminent.
        _original_join(self)


def student_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate()
            if getattr(thread, "_awaitable_finished", None) is not None and not thread.daemon]


def install_threading() -> None:
    import queue
    # Timeouts computed by the standard library itself must use the same clock.
    threading._time = monotonic
    queue.time = monotonic
    threading.Condition.wait = condition_wait
    threading.Condition.notify = condition_notify
    threading.Thread.start = thread_start
    threading.Thread._bootstrap_inner = thread_bootstrap_inner
    threading.Thread.join = thread_join
