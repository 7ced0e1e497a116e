"""``time.*`` on the virtual clock, for actors (see clock.py); every other
thread reads real time."""

from __future__ import annotations

import math
import time

from . import clock
from .clock import scheduler
from .trace import recorder


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
    recorder.blocking_call("time.sleep", seconds)
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


def install_time(virtual: bool) -> None:
    time.sleep = sleep
    if not virtual:
        return  # on the wall clock only blocking sleeps are recorded
    time.monotonic = monotonic
    time.perf_counter = perf_counter
    time.time = time_
    time.monotonic_ns = monotonic_ns
    time.perf_counter_ns = perf_counter_ns
    time.time_ns = time_ns
