"""Virtual time for ``time.*``, threads and thread-pool executors (process
pools: processes.py).

Only actors (see clock.py) read and spend virtual time. Patches are
process-global, which is why every grading run is a fresh process.
"""

from __future__ import annotations

import _thread
import concurrent.futures.thread as futures_thread
import functools
import math
import os
import sysconfig
import threading
import time

from . import clock
from .clock import scheduler

STDLIB_DIRECTORY = os.path.realpath(sysconfig.get_paths()["stdlib"])
HARNESS_DIRECTORY = os.path.dirname(os.path.realpath(__file__))

# Hooks the trace recorder sets: (kind, actor, seconds) for blocking sleeps
# and (event, actor, label) for thread lifetimes.
hooks = {"sleep": None, "thread": None, "busy": None}


def _is_library_file(filename: str) -> bool:
    path = os.path.realpath(filename)
    if path.startswith(HARNESS_DIRECTORY + os.sep + "fakeio"):
        return False
    return path.startswith(STDLIB_DIRECTORY + os.sep) or path.startswith(HARNESS_DIRECTORY + os.sep)


def _code_of(function):
    while isinstance(function, functools.partial):
        function = function.func
    function = getattr(function, "__func__", function)
    return getattr(function, "__code__", None)


def _is_student_thread(caller_filename: str) -> bool:
    """Student threads run on virtual time; library threads keep real time.

    What counts is who starts the thread: threads started by the standard
    library (executor workers, the default executor's shutdown, multiprocessing
    helpers) are library threads, whatever their target; a thread the student
    starts is the student's even if its target is ``event.wait``.
    """
    return not _is_library_file(caller_filename)


# ----- time -------------------------------------------------------------------

def _virtual_now() -> float | None:
    if not scheduler.virtual:
        return None
    if scheduler.current_actor() is None:
        return None
    scheduler.count_read()
    return scheduler.now


def monotonic() -> float:
    now = _virtual_now()
    return clock.REAL_MONOTONIC() if now is None else now


def perf_counter() -> float:
    now = _virtual_now()
    return clock.REAL_PERF_COUNTER() if now is None else now


def time_() -> float:
    now = _virtual_now()
    return clock.REAL_TIME() if now is None else clock.VIRTUAL_EPOCH + now


def monotonic_ns() -> int:
    now = _virtual_now()
    return clock.REAL_MONOTONIC_NS() if now is None else round(now * 1e9)


def perf_counter_ns() -> int:
    now = _virtual_now()
    return clock.REAL_PERF_COUNTER_NS() if now is None else round(now * 1e9)


def time_ns() -> int:
    now = _virtual_now()
    return clock.REAL_TIME_NS() if now is None else round((clock.VIRTUAL_EPOCH + now) * 1e9)


def sleep(seconds) -> None:
    seconds = float(seconds)
    if math.isnan(seconds):
        raise ValueError("Invalid value NaN (not a number)")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    actor = scheduler.current_actor() if scheduler.virtual else None
    hook = hooks["sleep"]
    if hook is not None:
        hook("time.sleep", seconds)
    if actor is None:
        clock.REAL_SLEEP(seconds)
        return
    if seconds == 0:
        clock.REAL_SLEEP(0)
        return
    scheduler.sleep_until(actor, scheduler.now + seconds)


def blocking_wait(seconds: float) -> None:
    """A blocking call of a fake library (requests.get): like time.sleep but
    without recording a time.sleep."""
    actor = scheduler.current_actor() if scheduler.virtual else None
    if actor is None:
        clock.REAL_SLEEP(seconds)
    elif seconds > 0:
        scheduler.sleep_until(actor, scheduler.now + seconds)


def install_time() -> None:
    time.monotonic = monotonic
    time.perf_counter = perf_counter
    time.time = time_
    time.monotonic_ns = monotonic_ns
    time.perf_counter_ns = perf_counter_ns
    time.time_ns = time_ns
    time.sleep = sleep


# ----- threading ----------------------------------------------------------------

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
    parent = scheduler.current_actor() if scheduler.virtual else None
    caller = __import__("sys")._getframe(1).f_code.co_filename
    if parent is not None and _is_student_thread(caller) and not hasattr(self, "_awaitable_actor"):
        actor = scheduler.new_actor(self.name, "thread")
        self._awaitable_actor = actor
        self._awaitable_finished = _Finished()
        run = self.run

        def gated_run():
            scheduler.gate(actor)
            return run()

        self.run = gated_run
        hook = hooks["thread"]
        if hook is not None:
            hook("start", self._awaitable_actor, self.name)
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
        hook = hooks["thread"]
        if hook is not None:
            hook("end", actor, self.name)
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


# ----- locks ------------------------------------------------------------------------
#
# A C lock's blocking acquire would look like running code to the scheduler:
# an actor waiting for a lock whose holder sleeps on the virtual clock would
# freeze the clock. Locks the student creates are therefore Python locks whose
# blocking acquire, in an actor, waits through the scheduler (like
# Condition.wait), and whose release hands the lock straight to the first such
# waiter (FIFO, deterministic). Library code keeps C locks.

_original_lock = threading.Lock
_original_rlock = threading.RLock


class _LockWaiter:
    __slots__ = ("waiter", "granted")

    def __init__(self) -> None:
        self.waiter = _thread.allocate_lock()
        self.waiter.acquire()
        self.granted = False


def _check_acquire_arguments(blocking, timeout) -> float:
    timeout = float(timeout)
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be positive")
    return timeout


class VirtualLock:
    """threading.Lock for student code (see above)."""

    __slots__ = ("_inner", "_guard", "_waiters", "__weakref__")

    def __init__(self) -> None:
        self._inner = _thread.allocate_lock()
        self._guard = _thread.allocate_lock()
        self._waiters: list[_LockWaiter] = []

    def acquire(self, blocking=True, timeout=-1):
        timeout = _check_acquire_arguments(blocking, timeout)
        actor = scheduler.current_actor() if scheduler.virtual else None
        if actor is None or not blocking or timeout == 0:
            return self._inner.acquire(blocking, timeout)
        deadline = math.inf if timeout == -1 else scheduler.now + timeout
        entry = _LockWaiter()
        with self._guard:
            if self._inner.acquire(False):
                return True
            self._waiters.append(entry)
            scheduler.prepare_wait(actor, entry.waiter, deadline)
        try:
            scheduler.block_on_waiter(actor, entry.waiter)
        except BaseException:
            # Stopped (a stall): if the lock was handed over meanwhile, pass it on.
            if self._settle(entry):
                self.release()
            raise
        return self._settle(entry)

    def _settle(self, entry: _LockWaiter) -> bool:
        """After a wait: True if the lock was handed to ``entry`` (even if its
        virtual timeout fired at the same time); else forget the entry."""
        with self._guard:
            if entry.granted:
                return True
            try:
                self._waiters.remove(entry)
            except ValueError:
                pass
            return False

    acquire_lock = acquire

    def release(self) -> None:
        with self._guard:
            if not self._inner.locked():
                raise RuntimeError("release unlocked lock")
            while self._waiters:
                entry = self._waiters.pop(0)
                entry.granted = True
                # The lock stays locked: it now belongs to that waiter, which
                # counts as running before this thread can go idle.
                scheduler.notify_waiter(entry.waiter)
                return
            self._inner.release()

    release_lock = release

    def locked(self) -> bool:
        return self._inner.locked()

    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        self.release()

    def _at_fork_reinit(self) -> None:
        self._inner._at_fork_reinit()
        self._guard._at_fork_reinit()
        self._waiters = []

    def __repr__(self) -> str:
        state = "locked" if self._inner.locked() else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


class VirtualRLock:
    """threading.RLock for student code, on a VirtualLock."""

    __slots__ = ("_block", "_owner", "_count", "__weakref__")

    def __init__(self) -> None:
        self._block = VirtualLock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _thread.get_ident()
        if self._owner == me:
            _check_acquire_arguments(blocking, timeout)
            self._count += 1
            return True
        acquired = self._block.acquire(blocking, timeout)
        if acquired:
            self._owner = me
            self._count = 1
        return acquired

    __enter__ = acquire

    def release(self) -> None:
        if self._owner != _thread.get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, *exc_info) -> None:
        self.release()

    # Used by Condition.
    def _acquire_restore(self, state) -> None:
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self) -> bool:
        return self._owner == _thread.get_ident()

    def _recursion_count(self) -> int:
        return self._count if self._owner == _thread.get_ident() else 0

    def _at_fork_reinit(self) -> None:
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def __repr__(self) -> str:
        state = "locked" if self._block.locked() else "unlocked"
        return (f"<{state} _thread.RLock object owner={self._owner or 0} "
                f"count={self._count} at {id(self):#x}>")


@functools.lru_cache(maxsize=None)
def _is_library_caller(filename: str) -> bool:
    return _is_library_file(filename)


def lock_factory(*args, **kwargs):
    caller = __import__("sys")._getframe(1).f_code.co_filename
    if _is_library_caller(caller):
        return _original_lock(*args, **kwargs)
    return VirtualLock(*args, **kwargs)


def rlock_factory(*args, **kwargs):
    caller = __import__("sys")._getframe(1).f_code.co_filename
    if _is_library_caller(caller):
        return _original_rlock(*args, **kwargs)
    return VirtualRLock(*args, **kwargs)


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
    threading.Lock = lock_factory
    threading.RLock = rlock_factory


# ----- executors --------------------------------------------------------------------

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


def _job_name(fn) -> str:
    inner = fn
    while isinstance(inner, functools.partial):
        inner = inner.func
    # asyncio.to_thread wraps the call in context.run
    if getattr(inner, "__qualname__", "") == "Context.run" and isinstance(fn, functools.partial) and fn.args:
        inner = fn.args[0]
        while isinstance(inner, functools.partial):
            inner = inner.func
    # ProcessPoolExecutor.map submits partial(_process_chunk, fn)
    if getattr(inner, "__qualname__", "") == "_process_chunk" and isinstance(fn, functools.partial) and fn.args:
        return _job_name(fn.args[0])
    return getattr(inner, "__qualname__", None) or type(inner).__name__


def work_item_run(self):
    slots = getattr(self, "_awaitable_slots", None)
    if slots is None:
        return _original_work_item_run(self)
    actor = scheduler.job_started(slots, _job_name(self.fn))
    hook = hooks["thread"]
    if hook is not None:
        hook("job-start", actor, actor.name)
        function = self.fn

        def traced(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            finally:
                # Before the result reaches the loop, so traces are deterministic.
                hook("job-end", actor, actor.name)

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
    from . import processes
    processes.install()
    # The default executor's size depends on the CPU count; pin it so that
    # verdicts do not depend on the machine.
    os.cpu_count = lambda: 4
