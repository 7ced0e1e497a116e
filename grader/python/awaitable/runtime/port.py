"""The runtime's messages to the judge: one function per kind (grader/CONTRACT.md,
"The protocol"). Each hands its message to the guard through
``sys.audit("awaitable.send", kind, payload, reply)``; the guard checks that
the call comes from one of these functions, signs the frame and, for a
request, puts the judge's answer in ``reply``.

What these functions send is the runtime's observation and is validated by
the judge; the facts that decide a verdict (time granted, I/O served, output
written, values returned) are the judge's own.
"""

from __future__ import annotations

import sys

_audit = sys.audit


def _nothing() -> list:
    return []


def _pass() -> None:
    return None


# Set by install.py: the trace's pending events, and the flush of the
# student's output streams, both sent ahead of every message.
sources = {"events": _nothing, "flush": _pass}


def _request(kind: str, payload: dict) -> dict:
    sources["flush"]()
    payload["e"] = sources["events"]()
    reply: list = []
    _audit("awaitable.send", kind, payload, reply)
    if not reply:
        raise RuntimeError("awaitable: the judge did not answer")
    return reply[0]


def _notify(kind: str, payload: dict) -> None:
    sources["flush"]()
    payload["e"] = sources["events"]()
    _audit("awaitable.send", kind, payload, None)


def advance(deadline: float, reason: list) -> float:
    """Nothing can run before ``deadline``: ask the judge for the clock."""
    return float(_request("advance", {"d": deadline, "r": reason})["now"])


def charge(seconds: float) -> float:
    """cpu: charged: a step's CPU work costs virtual time."""
    return float(_request("charge", {"s": seconds})["now"])


def idle() -> None:
    """Nothing can run and nothing is due: the judge watches for a deadlock."""
    _notify("idle", {})


def busy() -> None:
    """After idle: something woke (a library thread delivered)."""
    _notify("busy", {})


def stall(reason: str) -> None:
    _notify("stall", {"reason": reason})


def events() -> None:
    """The trace's buffer is full: send it ahead."""
    _notify("events", {})


def io(request: dict) -> dict:
    """Fake I/O: the judge serves it (and keeps its own record of it)."""
    return _request("io", {"io": request})
