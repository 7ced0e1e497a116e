"""Running the student's code once: as a program (``__main__``), as a module,
or one of its functions, each on a fresh clock and a fresh trace."""

from __future__ import annotations

import asyncio
import builtins
import functools
import gc
import inspect
import linecache
import os
import sys
import traceback
import types
import weakref

from . import fakeio, threads
from .clock import REAL_PERF_COUNTER, Stall, scheduler
from .trace import recorder

HARNESS_DIRECTORY = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


class Settings:
    clock = "virtual"
    cpu = "free"
    virtual_limit = 300.0


settings = Settings()


class StudentError(Exception):
    """The student's code raised; carries the original exception."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(repr(error))
        self.error = error


class Submission:
    def __init__(self, path: str, display_name: str) -> None:
        with open(path, encoding="utf-8", errors="replace") as handle:
            self.source = handle.read()
        self.name = display_name
        linecache.cache[display_name] = (len(self.source), None, self.source.splitlines(True), display_name)
        self.code = None

    def compile(self) -> None:
        self.code = compile(self.source, self.name, "exec", dont_inherit=True)


class Run:
    """What one execution did: the learner-facing facts a test asserts on."""

    def __init__(self) -> None:
        self.elapsed = 0.0
        self.result = None
        self.exception: BaseException | None = None
        self.exit_code = None
        self.stall: str | None = None
        self.stdout = ""
        self.stderr = ""
        self.trace: dict = {}
        self.real_ms = 0.0

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def blocking(self) -> list[dict]:
        return self.trace.get("blocking", [])

    @property
    def never_awaited(self) -> list[str]:
        return self.trace.get("neverAwaited", [])

    @property
    def peak_in_flight(self) -> int:
        return self.trace.get("peakInFlight", 0)

    @property
    def tasks(self) -> list[dict]:
        return self.trace.get("tasks", [])

    @property
    def events(self) -> list[dict]:
        return self.trace.get("events", [])

    def tasks_named(self, name: str) -> list[dict]:
        return [task for task in self.tasks
                if task["coroutine"] == name or task["coroutine"].endswith("." + name)
                or task["label"] == name or task["name"] == name]


# The modules execute() ran, by name, weakly: a later call_function registers
# them again while it runs, so that pickle finds the student's functions by
# reference (a process pool sends them to its workers that way), even when a
# test wraps them in a function of its own. Weakly, because a module must stay
# collectable (a coroutine never awaited at its top level is reported when it
# is collected).
_executed: dict[str, "weakref.ref[types.ModuleType]"] = {}


def _fresh_run() -> None:
    scheduler.reset()
    fakeio.reset()
    scheduler.limit = settings.virtual_limit if settings.clock == "virtual" else float("inf")
    recorder.reset(None if settings.clock == "virtual" else REAL_PERF_COUNTER())
    recorder.charge_cpu = settings.cpu == "charged"
    # A fresh policy, as in a fresh process: get_event_loop() in the main
    # thread creates a loop again (set_event_loop(None) would forbid it).
    from .loop import VirtualEventLoopPolicy
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())


def _finish_threads() -> None:
    # As at interpreter shutdown: the program ends when its non-daemon
    # threads have ended (on the virtual clock).
    for thread in threads.student_threads():
        if thread.is_alive():
            thread.join()


def _close_run(run: Run, started: float) -> None:
    gc.collect()
    run.elapsed = recorder.now()
    run.stdout = "".join(recorder.stdout_parts)
    run.stderr = "".join(recorder.stderr_parts)
    run.trace = recorder.as_json(run.elapsed)
    run.real_ms = (REAL_PERF_COUNTER() - started) * 1000


def execute(submission: Submission, name: str, call=None, args=(), kwargs=None) -> Run:
    """Execute the module (as ``name``) and then, optionally, ``call``."""
    _fresh_run()
    run = Run()
    started = REAL_PERF_COUNTER()
    namespace = {"__name__": name, "__file__": submission.name, "__builtins__": builtins,
                 "__doc__": None, "__package__": None, "__spec__": None, "__loader__": None}
    saved = sys.modules.get(name)
    module = types.ModuleType(name)
    module.__dict__.update(namespace)
    try:
        # Registered under its name, so pickle finds the student's functions
        # by reference (a process pool sends them to its workers that way).
        sys.modules[name] = module
        _executed[name] = weakref.ref(module)
        exec(submission.code, module.__dict__)
        if call is not None:
            target = call(module) if callable(call) else call
            run.result = _invoke(target, args, kwargs or {})
        _finish_threads()
    except Stall as stall:
        run.stall = stall.reason
    except SystemExit as exit_request:
        run.exit_code = exit_request.code
    except BaseException as error:  # the student's code may raise anything
        run.exception = error
    finally:
        if saved is not None:
            sys.modules[name] = saved
        else:
            sys.modules.pop(name, None)
        _close_run(run, started)
    run.module = module
    return run


def _invoke(target, args, kwargs):
    if inspect.iscoroutinefunction(target):
        return asyncio.run(target(*args, **kwargs))
    if inspect.iscoroutine(target):
        return asyncio.run(target)
    result = target(*args, **kwargs)
    if inspect.iscoroutine(result):
        return asyncio.run(result)
    return result


def _modules_for(function) -> dict[str, types.ModuleType]:
    """The modules to register while ``function`` runs (see _executed): those
    execute() ran that are still alive, and the function's own (a copy of its
    namespace) if it is not among them."""
    modules = {}
    for name, reference in _executed.items():
        module = reference()
        if module is not None and name not in sys.modules:
            modules[name] = module
    inner = function
    while isinstance(inner, functools.partial):
        inner = inner.func
    inner = getattr(inner, "__func__", inner)
    namespace = getattr(inner, "__globals__", None)
    name = namespace.get("__name__") if isinstance(namespace, dict) else None
    if isinstance(name, str) and name not in sys.modules and name not in modules:
        module = types.ModuleType(name)
        module.__dict__.update(namespace)
        modules[name] = module
    return modules


def call_function(function, args=(), kwargs=None) -> Run:
    """Run one of the student's functions on a fresh clock."""
    _fresh_run()
    run = Run()
    started = REAL_PERF_COUNTER()
    modules = _modules_for(function)
    try:
        sys.modules.update(modules)
        run.result = _invoke(function, args, kwargs or {})
        _finish_threads()
    except Stall as stall:
        run.stall = stall.reason
    except SystemExit as exit_request:
        run.exit_code = exit_request.code
    except BaseException as error:
        run.exception = error
    finally:
        for name in modules:
            sys.modules.pop(name, None)
        modules = None
        _close_run(run, started)
    return run


def _filter_stack(exception: traceback.TracebackException) -> None:
    kept = [frame for frame in exception.stack
            if not os.path.realpath(frame.filename).startswith(HARNESS_DIRECTORY + os.sep)]
    exception.stack = traceback.StackSummary.from_list(kept)
    if exception.__cause__ is not None:
        _filter_stack(exception.__cause__)
    if exception.__context__ is not None:
        _filter_stack(exception.__context__)


def describe_error(error: BaseException, submission_name: str) -> dict:
    details = traceback.TracebackException(type(error), error, error.__traceback__, compact=True)
    _filter_stack(details)
    text = "".join(details.format())
    line = None
    for frame in details.stack:
        if frame.filename == submission_name:
            line = frame.lineno
    message_text = "".join(traceback.format_exception_only(type(error), error)).strip()
    return {"type": type(error).__name__, "message": message_text, "line": line, "traceback": text}
