"""The event loop whose time is virtual, installed through the loop policy.

Hook points (CPython 3.11 internals, the version the sandbox pins):
- ``loop.time()`` reads the scheduler's clock;
- the selector's ``select(timeout)`` polls real fds with timeout 0 first and,
  when the loop is idle, hands the wait to the scheduler, which either jumps
  the clock to ``loop._scheduled[0]._when`` or wakes the loop through its
  self-pipe when another actor hands it a callback;
- every timer the loop schedules, cancels or drops is reported, so that the
  judge can check each advance against the deadline that justifies it.
"""

from __future__ import annotations

import asyncio
import asyncio.unix_events
import itertools
import math
import selectors

from .clock import scheduler
from .names import job_name
from .trace import recorder

_loop_ids = itertools.count(1)


class VirtualSelector(selectors.BaseSelector):
    def __init__(self) -> None:
        self._real = selectors.DefaultSelector()
        self.loop: VirtualEventLoop | None = None

    def register(self, fileobj, events, data=None):
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._real.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self._real.get_key(fileobj)

    def get_map(self):
        return self._real.get_map()

    def close(self) -> None:
        self._real.close()

    def select(self, timeout=None):
        events = self._real.select(0)
        if events or (timeout is not None and timeout <= 0):
            return events
        loop = self.loop
        actor = scheduler.current_actor()
        if loop is None or actor is None or not scheduler.virtual:
            return self._real.select(timeout)
        scheduled = loop._scheduled
        deadline = scheduled[0]._when if scheduled else math.inf
        if scheduler.enter_select(actor, loop, deadline):
            return []
        try:
            events = self._real.select(None)
        finally:
            scheduler.leave_select(actor)
        return events


class VirtualEventLoop(asyncio.unix_events._UnixSelectorEventLoop):
    def __init__(self, selector=None) -> None:
        virtual_selector = VirtualSelector()
        super().__init__(virtual_selector)
        virtual_selector.loop = self
        self._awaitable_id = next(_loop_ids)

    # Data descriptors, so that a value put in the loop's __dict__ cannot
    # stand in for them (a clock of the program's own, or a resolution wide
    # enough to make every timer due).
    @property
    def time(self):
        return self._virtual_time

    @property
    def _clock_resolution(self) -> float:
        # A positive resolution is required: _run_once treats a timer as due
        # when its time is below now + resolution, and the clock is set to
        # the timer's exact time.
        return 1e-9

    @_clock_resolution.setter
    def _clock_resolution(self, value) -> None:
        pass  # BaseEventLoop.__init__ sets its own: the virtual clock's is fixed

    def _virtual_time(self) -> float:
        return scheduler.now if scheduler.virtual else asyncio.unix_events._UnixSelectorEventLoop.time(self)

    def call_at(self, when, callback, *args, context=None):
        handle = super().call_at(when, callback, *args, context=context)
        if scheduler.judged:
            recorder.timer(self._awaitable_id, getattr(handle, "_sequence", 0), handle._when, callback, args)
        return handle

    def create_task(self, coro, *, name=None, context=None):
        task = super().create_task(coro, name=name, context=context)
        recorder.task_created(task)
        return task

    def run_in_executor(self, executor, func, *args):
        future = super().run_in_executor(executor, func, *args)
        recorder.executor_labels[future] = f"run_in_executor({job_name(func)})"
        return future

    def call_soon_threadsafe(self, callback, *args, context=None):
        scheduler.poke_loop(self)
        return super().call_soon_threadsafe(callback, *args, context=context)

    def close(self) -> None:
        if not self.is_closed() and scheduler.judged:
            recorder.loop_closed(self._awaitable_id)
        super().close()


class VirtualEventLoopPolicy(asyncio.unix_events._UnixDefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


_timer_sequence = itertools.count(1)
_OriginalTimerHandle = asyncio.events.TimerHandle


class SequencedTimerHandle(_OriginalTimerHandle):
    """On a real clock two timers almost never share a deadline, so they fire
    in the order they were scheduled; on the virtual clock they often do, and
    heapq would order them arbitrarily. Ties are broken by creation order."""

    __slots__ = ("_sequence",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._sequence = next(_timer_sequence)

    def __lt__(self, other):
        if self._when != other._when:
            return self._when < other._when
        return self._sequence < getattr(other, "_sequence", -1)

    def cancel(self):
        if not self._cancelled and scheduler.judged:
            recorder.timer_cancelled(getattr(self._loop, "_awaitable_id", 0), self._sequence)
        super().cancel()


def install_loop() -> None:
    asyncio.events.TimerHandle = SequencedTimerHandle
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    # A loop built directly (asyncio.SelectorEventLoop()) is virtual as well.
    asyncio.SelectorEventLoop = VirtualEventLoop
    asyncio.unix_events.SelectorEventLoop = VirtualEventLoop
    asyncio.DefaultEventLoopPolicy = VirtualEventLoopPolicy
    asyncio.unix_events.DefaultEventLoopPolicy = VirtualEventLoopPolicy
