"""The traces a result document carries, within its budget.

Each test has its own trace, and a grading's top-level trace is a copy of
one of them, so the document could hold many traces of up to ``maxEvents``
events each. All of them together keep at most ``maxEvents`` events and
``traceBytes`` of JSON (grader/contract.json; a copy counts again): events
are shared out fairly (a trace with fewer events than its share keeps them
all, the others the same number, their first ones), then, while the JSON
is still too large (long labels, very many tasks), the largest list of the
largest trace is halved. A trace that lost anything says ``truncated``.
The judge's own assertions ran on the full traces before any of this.
"""

from __future__ import annotations

import json

from ..contract import MAX_EVENTS, RESULT_BOUNDS
from .output import fair_cap

TRACE_BYTES: int = RESULT_BOUNDS["traceBytes"]
LISTS = ("events", "tasks", "threads", "blocking", "neverAwaited")


def _size(value) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode())


def fit_traces(traces: list[tuple[dict, int]], max_events: int = MAX_EVENTS,
               max_bytes: int = TRACE_BYTES) -> dict[int, dict]:
    """``traces``: (trace, how many times the document holds it), each trace
    once. Returns the fitted trace of each by the ``id()`` of the original,
    which is never changed."""
    cap = fair_cap([len(trace["events"]) for trace, copies in traces for _ in range(copies)], max_events)
    copies = {id(trace): count for trace, count in traces}
    fitted = {id(trace): trace if len(trace["events"]) <= cap else
              {**trace, "events": trace["events"][:cap], "truncated": True} for trace, _ in traces}
    sizes = {key: _size(trace) for key, trace in fitted.items()}
    while sum(sizes[key] * copies[key] for key in fitted) > max_bytes:
        key = max(fitted, key=lambda candidate: sizes[candidate] * copies[candidate])
        trace = fitted[key]
        longest = max(LISTS, key=lambda name: _size(trace[name]))
        if not trace[longest]:
            break  # nothing left to cut but the fixed fields (a few bytes)
        fitted[key] = trace = {**trace, longest: trace[longest][: len(trace[longest]) // 2], "truncated": True}
        sizes[key] = _size(trace)
    return fitted
