"""The scheduler that decides when the virtual clock may advance.

Every thread that runs student code is an *actor*: the main thread, the
student's own threads (including ``threading.Timer``) and executor jobs while
they run. Time may advance only when no actor is running real code: then the
earliest deadline among the waiting actors (an event loop's next timer, a
``time.sleep`` in a thread, a timed ``Condition.wait``) is due, and exactly
that actor is woken. Actors due at the same instant are woken one at a time
in creation order, so traces are deterministic.

The clock itself is the judge's (``judged``): the scheduler asks for each
advance (port.advance) with the reason, and the judge, which knows the
deadlines it was told about, grants it or ends the run (the virtual-time
limit). When nothing can run and nothing is due, the judge is told (idle) and
decides whether that is a deadlock. A process-pool job in a forked child runs
on a standalone clock of its own, decided here (see processes.py).

Library-internal threads (executor workers between jobs, the thread that
shuts the default executor down, multiprocessing helpers) are not actors and
keep real time: they compute real deadlines and would spin on a frozen clock.
See grader/CONTRACT.md, "The clock model".
"""

from __future__ import annotations

import _thread
import math
import time

from ..contract import DEADLOCK_GRACE_SECONDS
from . import port

REAL_MONOTONIC = time.monotonic
REAL_PERF_COUNTER = time.perf_counter
REAL_TIME = time.time
REAL_SLEEP = time.sleep
REAL_MONOTONIC_NS = time.monotonic_ns
REAL_PERF_COUNTER_NS = time.perf_counter_ns
REAL_TIME_NS = time.time_ns
THREAD_TIME = time.thread_time

# time.time() on the virtual clock: a fixed epoch keeps printed dates stable
# and, being an integer, keeps differences of time.time() exact.
VIRTUAL_EPOCH = 1_700_000_000.0

RUNNING = "running"
WAITING = "waiting"
DONE = "done"

# Clock reads at one virtual instant before a busy-wait on the clock is
# declared: such a loop never ends on a clock that only moves when idle.
BUSY_WAIT_READS = 2_000_000


class Stall(SystemExit):
    """Raised in the main thread when the run can make no further progress.

    A SystemExit so that a student's ``except Exception`` cannot swallow it
    and so that asyncio re-raises it out of a task step instead of storing it
    in the task.
    """

    reason = "stall"


class DeadlockError(Stall):
    reason = "deadlock"


class VirtualTimeLimitError(Stall):
    reason = "virtual-time-limit"


class BusyWaitError(Stall):
    reason = "busy-wait"


STALL_TYPES = {
    "deadlock": DeadlockError,
    "virtual-time-limit": VirtualTimeLimitError,
    "busy-wait": BusyWaitError,
}


class Actor:
    __slots__ = (
        "sequence", "name", "kind", "state", "deadline", "wait_kind", "wake",
        "wake_lock", "timed_out", "stall", "ident", "loop", "waiter",
    )

    def __init__(self, sequence: int, name: str, kind: str) -> None:
        self.sequence = sequence
        self.name = name
        self.kind = kind
        self.state = RUNNING
        self.deadline = math.inf
        self.wait_kind = None
        self.wake = None
        self.wake_lock = _thread.allocate_lock()
        self.wake_lock.acquire()
        self.timed_out = False
        self.stall = None
        self.ident = None
        self.loop = None
        self.waiter = None

    def __repr__(self) -> str:
        return f"<Actor {self.sequence} {self.name} {self.state} {self.deadline}>"


class ExecutorSlots:
    """Virtual view of one ThreadPoolExecutor: jobs queued and running."""

    __slots__ = ("max_workers", "queued", "running")

    def __init__(self, max_workers: int) -> None:
        self.max_workers = max_workers
        self.queued = 0
        self.running = 0


class Scheduler:
    def __init__(self) -> None:
        self.lock = _thread.RLock()
        self.now = 0.0
        self.limit = math.inf
        self.virtual = True
        # The judge owns the clock (False in a process-pool child's standalone clock).
        self.judged = False
        self.actors: dict[int, Actor] = {}
        self.waiting: list[Actor] = []
        self.running_count = 0
        self.sequence = 0
        self.executors: list[ExecutorSlots] = []
        self.holds = 0
        self.waiter_owner: dict[object, Actor] = {}
        self.main: Actor | None = None
        self.idle_reported = False
        self.stall_generation = 0
        self.stalled_since: float | None = None
        self.clock_reads = 0
        # Which run the clock belongs to: helpers left from an earlier run (a
        # process pool's courier) must not touch this one.
        self.epoch = 0
        # Reports a finite wait of a thread actor (the judge checks that every
        # advance is due to a deadline it was told about); set by install.py.
        self.on_wait = None
        self.watchdog_started = False
        self.watchdog_lock = _thread.allocate_lock()
        self.watchdog_lock.acquire()

    # ----- actors -------------------------------------------------------

    def current_actor(self) -> Actor | None:
        return self.actors.get(_thread.get_ident())

    def new_actor(self, name: str, kind: str) -> Actor:
        """An actor for a thread about to start. It waits at the current
        instant until the clock is granted to it (see gate), so that a new
        thread or job starts only when the actors already running have
        blocked: output order at one virtual instant is deterministic."""
        with self.lock:
            self.sequence += 1
            actor = Actor(self.sequence, name, kind)
            actor.state = WAITING
            actor.deadline = self.now
            actor.wait_kind = "start"
            actor.wake = actor.wake_lock.release
            self.waiting.append(actor)
            self._progress()
            return actor

    def gate(self, actor: Actor) -> None:
        """Called by a new actor's own thread: block until it may run."""
        with self.lock:
            granted_self = self._arbitrate(prefer=actor)
        if not granted_self:
            actor.wake_lock.acquire()
        self._raise_stall(actor)

    def bind(self, actor: Actor, ident: int) -> None:
        with self.lock:
            actor.ident = ident
            self.actors[ident] = actor

    def register_main(self) -> Actor:
        with self.lock:
            self.sequence += 1
            actor = Actor(self.sequence, "MainThread", "main")
            self.running_count += 1
        self.bind(actor, _thread.get_ident())
        self.main = actor
        return actor

    def finish(self, actor: Actor) -> None:
        with self.lock:
            if actor.state == RUNNING:
                self.running_count -= 1
            elif actor.state == WAITING:
                self._remove_waiting(actor)
            actor.state = DONE
            if actor.ident is not None and self.actors.get(actor.ident) is actor:
                del self.actors[actor.ident]
            self._arbitrate()

    def reset(self, start: float = 0.0) -> None:
        """A fresh clock for the next run; forget actors left stuck by a stall."""
        with self.lock:
            main = self.main
            self.epoch += 1
            self.now = start
            self.clock_reads = 0
            self.waiting = []
            self.waiter_owner = {}
            self.executors = []
            self.holds = 0
            self.idle_reported = False
            self.stalled_since = None
            self.stall_generation += 1
            self.actors = {}
            if main is not None:
                main.state = RUNNING
                main.stall = None
                main.deadline = math.inf
                if main.ident is not None:
                    self.actors[main.ident] = main
                self.running_count = 1
            else:
                self.running_count = 0

    # ----- process-pool children -----------------------------------------

    def after_fork(self) -> None:
        """In a forked child: a fresh scheduler (the parent's locks may have
        been held by threads the child does not have), on real time until a
        process-pool job starts its own clock (begin_standalone)."""
        on_wait = self.on_wait
        self.__init__()
        self.on_wait = on_wait
        self.virtual = False
        self.judged = False

    def begin_standalone(self, origin: float, limit: float) -> Actor:
        """A process-pool job in a forked child: a clock of its own, starting
        at the parent's time when the job was submitted, with the calling
        thread as its main actor (deadlocks, the limit, busy-waits stop it)."""
        with self.lock:
            self.now = origin
            self.limit = limit
            self.clock_reads = 0
            self.waiting = []
            self.waiter_owner = {}
            self.executors = []
            self.holds = 0
            self.stalled_since = None
            self.stall_generation += 1
            self.actors = {}
            self.sequence += 1
            actor = Actor(self.sequence, "process-job", "main")
            self.running_count = 1
            self.main = actor
            self.virtual = True
            self.judged = False
        self.bind(actor, _thread.get_ident())
        return actor

    def end_standalone(self) -> None:
        with self.lock:
            self.virtual = False
            self.actors = {}
            self.waiting = []
            self.waiter_owner = {}
            self.running_count = 0
            self.main = None
            self.stalled_since = None
            self.stall_generation += 1

    # ----- waiting ------------------------------------------------------

    def _enter_wait(self, actor: Actor, deadline: float, kind: str, wake) -> None:
        if actor.state == RUNNING:
            self.running_count -= 1
        elif actor.state == WAITING:
            self._remove_waiting(actor)
        actor.state = WAITING
        actor.deadline = deadline
        actor.wait_kind = kind
        actor.wake = wake
        actor.timed_out = False
        self.waiting.append(actor)
        if kind != "select" and deadline != math.inf and self.judged and self.on_wait is not None:
            self.on_wait(actor.sequence, deadline)

    def _remove_waiting(self, actor: Actor) -> None:
        try:
            self.waiting.remove(actor)
        except ValueError:
            pass

    def _make_running(self, actor: Actor) -> None:
        if actor.state == WAITING:
            self._remove_waiting(actor)
            actor.state = RUNNING
            self.running_count += 1
            self._progress()

    def _progress(self) -> None:
        if self.idle_reported:
            self.idle_reported = False
            port.busy()
        if self.stalled_since is not None:
            self.stalled_since = None
            self.stall_generation += 1

    def sleep_until(self, actor: Actor, deadline: float) -> None:
        """Block the calling actor's thread until the clock reaches deadline."""
        with self.lock:
            self._enter_wait(actor, deadline, "sleep", actor.wake_lock.release)
            granted_self = self._arbitrate(prefer=actor)
        if not granted_self:
            actor.wake_lock.acquire()
        self._raise_stall(actor)

    def wait_on_waiter(self, actor: Actor, waiter, deadline: float) -> bool:
        """Condition.wait for an actor: True if notified, False on virtual timeout."""
        self.prepare_wait(actor, waiter, deadline)
        return self.block_on_waiter(actor, waiter)

    def prepare_wait(self, actor: Actor, waiter, deadline: float) -> None:
        """First half of wait_on_waiter: from here on the actor counts as
        waiting on ``waiter`` (a held lock) and notify_waiter can wake it, even
        before it blocks (a lock's release may come in between)."""
        with self.lock:
            actor.waiter = waiter
            self.waiter_owner[waiter] = actor
            self._enter_wait(actor, deadline, "condition", None)
            self._arbitrate()

    def block_on_waiter(self, actor: Actor, waiter) -> bool:
        """Second half of wait_on_waiter: block until notified or timed out."""
        waiter.acquire()
        self._raise_stall(actor)
        return not actor.timed_out

    def notify_waiter(self, waiter) -> bool:
        """Release a Condition waiter; False if its virtual timeout already did."""
        with self.lock:
            actor = self.waiter_owner.pop(waiter, None)
            if actor is not None:
                actor.waiter = None
                self._make_running(actor)
            try:
                waiter.release()
            except RuntimeError:
                return False
            return True

    def enter_select(self, actor: Actor, loop, deadline: float) -> bool:
        """An event loop is idle. True if the clock was granted to it at once."""
        with self.lock:
            actor.loop = loop
            self._enter_wait(actor, deadline, "select", loop._write_to_self)
            return self._arbitrate(prefer=actor)

    def leave_select(self, actor: Actor) -> None:
        with self.lock:
            self._make_running(actor)
        self._raise_stall(actor)

    def poke_loop(self, loop) -> None:
        """A thread is handing the loop a callback: the loop is running again
        from now on, so that the clock cannot move before it has seen it."""
        with self.lock:
            for actor in self.waiting:
                if actor.loop is loop and actor.wait_kind == "select":
                    self._make_running(actor)
                    break

    # ----- executor jobs --------------------------------------------------

    def slots_for(self, executor) -> ExecutorSlots:
        slots = getattr(executor, "_awaitable_slots", None)
        if slots is None:
            slots = ExecutorSlots(executor._max_workers)
            executor._awaitable_slots = slots
        return slots

    def job_queued(self, slots: ExecutorSlots) -> None:
        with self.lock:
            slots.queued += 1
            if slots not in self.executors:
                self.executors.append(slots)
            self._progress()

    def job_started(self, slots: ExecutorSlots, name: str) -> Actor:
        with self.lock:
            slots.queued -= 1
            slots.running += 1
            actor = self.new_actor(name, "executor-job")
            self.bind(actor, _thread.get_ident())
        self.gate(actor)
        return actor

    def job_finished(self, slots: ExecutorSlots, actor: Actor) -> None:
        with self.lock:
            slots.running -= 1
            self.finish(actor)

    def hold(self) -> None:
        with self.lock:
            self.holds += 1
            self._progress()

    def release(self) -> None:
        with self.lock:
            self.holds -= 1
            self._arbitrate()

    # ----- the clock ----------------------------------------------------

    def _blocked(self) -> bool:
        if self.running_count > 0 or self.holds > 0:
            return True
        for slots in self.executors:
            if slots.queued > 0 and slots.running < slots.max_workers:
                return True
        return False

    def _arbitrate(self, prefer: Actor | None = None) -> bool:
        """Advance the clock if nothing runs. Returns True if ``prefer`` itself
        was chosen (it then need not block)."""
        if self._blocked() or not self.waiting:
            return False
        best = None
        for actor in self.waiting:
            if best is None or (actor.deadline, actor.sequence) < (best.deadline, best.sequence):
                best = actor
        assert best is not None
        if best.deadline == math.inf:
            self._nothing_due()
            return False
        if best.deadline > self.now:
            if self.judged:
                # The judge grants the advance, or ends the run (virtual-time limit).
                reason = ["timer", getattr(best.loop, "_awaitable_id", 0)] if best.wait_kind == "select" else ["actor", best.sequence]
                self.now = port.advance(best.deadline, reason)
            else:
                if best.deadline > self.limit:
                    self._declare_stall("virtual-time-limit")
                    return False
                self.now = best.deadline
            self.clock_reads = 0
        best.timed_out = True
        self._make_running(best)
        if best.wait_kind == "condition":
            waiter = best.waiter
            best.waiter = None
            if waiter is not None and self.waiter_owner.pop(waiter, None) is best:
                waiter.release()
            return False
        if best is prefer:
            return True
        if best.wake is not None:
            best.wake()
        return False

    def _nothing_due(self) -> None:
        """Every actor waits and nothing is due: a deadlock, unless a library
        thread on real time delivers. The judge decides (it watches whether
        any process of the run still uses or waits for CPU); a standalone
        clock decides after a grace period of its own."""
        if self.judged:
            if not self.idle_reported:
                self.idle_reported = True
                port.idle()
            return
        if self.stalled_since is None:
            self.stalled_since = REAL_MONOTONIC()
            self.stall_generation += 1
            self._start_watchdog()

    def _declare_stall(self, reason: str) -> None:
        main = self.main
        if main is None or main.state != WAITING:
            return
        main.stall = reason
        main.timed_out = True
        self._make_running(main)
        if main.wait_kind == "condition":
            waiter = main.waiter
            main.waiter = None
            if waiter is not None and self.waiter_owner.pop(waiter, None) is main:
                waiter.release()
        elif main.wake is not None:
            main.wake()

    def _raise_stall(self, actor: Actor) -> None:
        reason = actor.stall
        if reason is not None and actor is self.main:
            actor.stall = None
            raise STALL_TYPES[reason](reason)

    def _start_watchdog(self) -> None:
        if not self.watchdog_started:
            self.watchdog_started = True
            _thread.start_new_thread(self._watchdog, ())
            return
        try:
            self.watchdog_lock.release()
        except RuntimeError:
            pass  # already signalled

    def _watchdog(self) -> None:
        # Standalone clocks only: a library thread on real time that turns a
        # persistent "nothing can ever run" state into a DeadlockError.
        while True:
            while True:
                with self.lock:
                    since = self.stalled_since
                    generation = self.stall_generation
                if since is None:
                    break
                remaining = since + DEADLOCK_GRACE_SECONDS - REAL_MONOTONIC()
                if remaining > 0:
                    REAL_SLEEP(remaining)
                    continue
                with self.lock:
                    if self.stalled_since is not None and self.stall_generation == generation \
                            and not self._blocked():
                        self.stalled_since = None
                        self._declare_stall("deadlock")
                break
            self.watchdog_lock.acquire()

    def charge(self, seconds: float) -> None:
        """cpu: "charged": a step's CPU work advances the clock."""
        with self.lock:
            if self.judged:
                self.now = port.charge(seconds)
            else:
                self.now += seconds

    def count_read(self) -> None:
        self.clock_reads += 1
        if self.clock_reads > BUSY_WAIT_READS:
            self.clock_reads = 0
            actor = self.current_actor()
            if actor is not None and actor is self.main:
                if self.judged:
                    port.stall("busy-wait")
                raise BusyWaitError("busy-wait")


scheduler = Scheduler()
