"""How the trace names what a thread-pool or process-pool job runs."""

from __future__ import annotations

import functools


def job_name(fn) -> str:
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
        return job_name(fn.args[0])
    name = getattr(inner, "__qualname__", None)
    return name if isinstance(name, str) else type(inner).__name__
