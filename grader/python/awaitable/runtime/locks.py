"""``threading.Lock`` and ``RLock`` for student code, on the virtual clock.

A C lock's blocking acquire would look like running code to the scheduler:
an actor waiting for a lock whose holder sleeps on the virtual clock would
freeze the clock. Locks the student creates are therefore Python locks whose
blocking acquire, in an actor, waits through the scheduler (like
Condition.wait), and whose release hands the lock straight to the first such
waiter (FIFO, deterministic). Library code keeps C locks.
"""

from __future__ import annotations

import _thread
import functools
import math
import os
import sys
import sysconfig
import threading

from .clock import scheduler

STDLIB_DIRECTORY = os.path.realpath(sysconfig.get_paths()["stdlib"])
PACKAGE_DIRECTORY = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
FAKEIO_DIRECTORY = os.path.join(os.path.dirname(os.path.realpath(__file__)), "fakeio")


def is_library_file(filename: str) -> bool:
    """Code of the standard library or of the runtime (not its fake libraries)."""
    path = os.path.realpath(filename)
    if path.startswith(FAKEIO_DIRECTORY + os.sep):
        return False
    return path.startswith(STDLIB_DIRECTORY + os.sep) or path.startswith(PACKAGE_DIRECTORY + os.sep)


@functools.lru_cache(maxsize=None)
def _is_library_caller(filename: str) -> bool:
    return is_library_file(filename)


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


def lock_factory(*args, **kwargs):
    caller = sys._getframe(1).f_code.co_filename
    if _is_library_caller(caller):
        return _original_lock(*args, **kwargs)
    return VirtualLock(*args, **kwargs)


def rlock_factory(*args, **kwargs):
    caller = sys._getframe(1).f_code.co_filename
    if _is_library_caller(caller):
        return _original_rlock(*args, **kwargs)
    return VirtualRLock(*args, **kwargs)


def install_locks() -> None:
    threading.Lock = lock_factory
    threading.RLock = rlock_factory
