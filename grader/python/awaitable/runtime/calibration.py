"""CPU work in units that mean the same on any machine.

A CPU stretch is judged by how much work it did, not by how long it took:
the judge times a fixed reference loop when a grading starts (``measure``,
~0.5 ms, in the sandbox's cgroups, before it drops to its uid) and gives the
unit to the student's host; a step's CPU time divided by one iteration's
time is its work in *units* (grader/contract.json, "cpu"). A machine four
times slower takes four times longer for both, so the same step is the same
number of units; measured at every grading, the reference also shares the
conditions of the moment (another process on the same core, a cold cache).
"""

from __future__ import annotations

import time

_ROUNDS = 3
_ITERATIONS = 10_000
_WARM = 2_000

# CPU seconds of one reference iteration on this machine: measured by the
# judge, set in the student's host before it forks any student process.
unit_seconds = 5e-8


def _reference(iterations: int) -> int:
    # The same bytecode as the seed's CPU-bound loop (`result += i`).
    result = 0
    for i in range(iterations):
        result += i
    return result


def measure() -> float:
    global unit_seconds
    thread_time = time.thread_time
    best = float("inf")
    _reference(_WARM)  # warm: a fresh fork's first pages are copied on write
    for _ in range(_ROUNDS):
        started = thread_time()
        _reference(_ITERATIONS)
        best = min(best, thread_time() - started)
    unit_seconds = max(best / _ITERATIONS, 1e-10)
    return unit_seconds


def units(cpu_seconds: float) -> float:
    return cpu_seconds / unit_seconds
