"""The test API for exercise authors.

An exercise's ``tests.py``::

    from awaitable.testing import test

    @test("concurrent", zh="三个请求同时进行", en="The three requests run concurrently", weight=2)
    def concurrent(t):
        run = t.run_program()
        t.about(run, 0.5, sequential=1.5)
        t.no_blocking(run)

Every test gets a fresh virtual clock for each run it starts. Assertions raise
``Failure`` with a bilingual, learner-facing message that names the likely
misconception; the first failing assertion ends the test.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable

from . import program
from .clock import STALL_TYPES, Stall
from .messages import message, seconds
from .program import Run, StudentError


class Failure(Exception):
    def __init__(self, text: dict, misconception: str | None = None) -> None:
        super().__init__(text["en"])
        self.text = text
        self.misconception = misconception


@dataclass
class TestDefinition:
    id: str
    zh: str
    en: str
    weight: float
    function: Callable


registry: list[TestDefinition] = []


def test(identifier: str, *, zh: str, en: str, weight: float = 1):
    """Register a test. ``zh`` and ``en`` name it for the learner."""
    def decorate(function):
        registry.append(TestDefinition(identifier, zh, en, float(weight), function))
        return function
    return decorate


def _where(entry: dict) -> str:
    return entry.get("label") or "?"


def _fail(key: str, misconception: str | None = None, **parameters):
    raise Failure(message(key, **parameters), misconception)


class TestContext:
    def __init__(self, submission: program.Submission) -> None:
        self.submission = submission
        self.measured: float | None = None
        self.last_run: Run | None = None

    # ----- running the student's code ---------------------------------------------

    def _checked(self, run: Run, allow_exception: bool = False) -> Run:
        self.last_run = run
        self.measured = run.elapsed
        if run.stall is not None:
            raise STALL_TYPES[run.stall](run.stall)
        if run.exit_code not in (None, 0):
            raise Failure(message("exit-called", code=repr(run.exit_code)), "exit")
        if run.exception is not None and not allow_exception:
            raise StudentError(run.exception)
        return run

    def run_program(self, *, allow_exception: bool = False) -> Run:
        """Run the submission as ``__main__``, as ``python3 file.py`` would."""
        return self._checked(program.execute(self.submission, "__main__"), allow_exception)

    def load(self):
        """Import the submission as a module (top-level code runs) and return it."""
        run = program.execute(self.submission, "submission")
        self._checked(run)
        return run.module

    def function(self, name: str, *, coroutine: bool | None = None):
        module = self.load()
        function = getattr(module, name, None)
        if function is None:
            _fail("missing-name", "missing-name", name=name)
        if coroutine and not inspect.iscoroutinefunction(function):
            _fail("not-a-coroutine-function", "not-async", name=name)
        return function

    def measure(self, function, *args, allow_exception: bool = False, **kwargs) -> Run:
        """Call a student's function on a fresh clock; awaits it if it is async."""
        return self._checked(program.call_function(function, args, kwargs), allow_exception)

    # ----- assertions ------------------------------------------------------------

    def _diagnose(self, run: Run | None, measured: float, expected: float, tolerance: float,
                  sequential: float | None) -> None:
        parameters = {"measured": seconds(measured), "expected": seconds(expected)}
        if run is not None:
            if run.never_awaited:
                _fail("never-awaited", "never-awaited", names=", ".join(sorted(set(run.never_awaited))))
            for entry in run.blocking:
                if entry["call"] == "time.sleep":
                    _fail("blocking-sleep", "blocking-sleep", where=_where(entry),
                          seconds=seconds(entry["seconds"]), **parameters)
            for entry in run.blocking:
                if entry["call"].startswith("requests."):
                    _fail("blocking-requests", "blocking-requests", where=_where(entry), call=entry["call"],
                          detail=entry.get("detail", ""), **parameters)
            for entry in run.blocking:
                if entry["call"] == "cpu":
                    _fail("blocking-cpu", "blocking-cpu", where=_where(entry), real_ms=entry["realMs"])
        if sequential is not None and abs(measured - sequential) <= max(tolerance, 0.02 * sequential):
            _fail("sequential", "sequential", sequential=seconds(sequential), **parameters)
        key = "too-slow" if measured > expected else "too-fast"
        _fail(key, "timing", tolerance=seconds(tolerance), **parameters)

    def about(self, run_or_seconds, expected: float, tolerance: float = 0.01, *,
              sequential: float | None = None) -> None:
        """The run took ``expected`` seconds, within ``tolerance``."""
        run = run_or_seconds if isinstance(run_or_seconds, Run) else None
        measured = run.elapsed if run is not None else float(run_or_seconds)
        if program.settings.clock == "wall":
            tolerance = max(tolerance, 0.05 + 0.1 * expected)
        self.measured = measured
        if abs(measured - expected) <= tolerance:
            return
        self._diagnose(run, measured, expected, tolerance, sequential)

    def not_about(self, run_or_seconds, value: float, tolerance: float = 0.01, *,
                  zh: str | None = None, en: str | None = None, misconception: str | None = None) -> None:
        """The run did not take ``value`` seconds (e.g. not the sequential sum)."""
        run = run_or_seconds if isinstance(run_or_seconds, Run) else None
        measured = run.elapsed if run is not None else float(run_or_seconds)
        self.measured = measured
        if abs(measured - value) > tolerance:
            return
        if zh and en:
            raise Failure({"zh": zh.format(measured=seconds(measured), value=seconds(value)),
                           "en": en.format(measured=seconds(measured), value=seconds(value))}, misconception)
        _fail("not-about", misconception, measured=seconds(measured), value=seconds(value))

    def max_in_flight(self, run: Run, limit: int) -> None:
        """Never more than ``limit`` operations (sleeps, fake I/O, executor jobs) at once."""
        if run.peak_in_flight > limit:
            _fail("max-in-flight", "unbounded-concurrency", limit=limit, peak=run.peak_in_flight)

    def min_in_flight(self, run: Run, limit: int) -> None:
        if run.peak_in_flight < limit:
            _fail("min-in-flight", "sequential", limit=limit, peak=run.peak_in_flight)

    def overlapped(self, run: Run, first: str, second: str) -> None:
        """Tasks running coroutines ``first`` and ``second`` were alive at the same time."""
        first_tasks = run.tasks_named(first)
        second_tasks = run.tasks_named(second)
        if not first_tasks:
            _fail("task-missing", "not-a-task", name=first)
        if not second_tasks:
            _fail("task-missing", "not-a-task", name=second)
        a, b = first_tasks[0], second_tasks[0]
        a_end = a["ended"] if a["ended"] is not None else float("inf")
        b_end = b["ended"] if b["ended"] is not None else float("inf")
        if (a["started"] is not None and b["started"] is not None
                and a["started"] < b_end and b["started"] < a_end):
            return
        _fail("not-overlapped", "sequential", first=first, second=second)

    def printed(self, run: Run, text: str) -> None:
        if text not in run.stdout:
            _fail("output-missing", "output", text=text, actual=_excerpt(run.stdout))

    def order(self, run: Run, texts: list[str]) -> None:
        """Each of ``texts`` appears in the output, in this order."""
        position = 0
        for text in texts:
            found = run.stdout.find(text, position)
            if found < 0:
                if text in run.stdout:
                    actual = sorted(texts, key=lambda item: run.stdout.find(item))
                    _fail("order", "order", expected=" → ".join(texts), actual=" → ".join(actual))
                _fail("output-missing", "output", text=text, actual=_excerpt(run.stdout))
            position = found + len(text)

    def no_blocking(self, run: Run) -> None:
        """No blocking call (time.sleep, requests, long CPU stretch) inside a coroutine."""
        for entry in run.blocking:
            if entry["call"] == "cpu":
                _fail("blocking-cpu", "blocking-cpu", where=_where(entry), real_ms=entry["realMs"])
            misconception = "blocking-sleep" if entry["call"] == "time.sleep" else "blocking-call"
            _fail("no-blocking", misconception, where=_where(entry), call=entry["call"],
                  seconds=seconds(entry["seconds"]))

    def all_awaited(self, run: Run) -> None:
        if run.never_awaited:
            _fail("never-awaited", "never-awaited", names=", ".join(sorted(set(run.never_awaited))))

    def equal(self, actual, expected) -> None:
        if actual == expected:
            return
        if inspect.iscoroutine(actual):
            actual.close()
            _fail("equal-coroutine", "missing-await", expected=repr(expected))
        if actual is None:
            _fail("equal-none", "missing-return", expected=repr(expected))
        _fail("equal", None, expected=_short(expected), actual=_short(actual))

    def raises(self, expected: type[BaseException], function, *args, **kwargs) -> BaseException:
        run = program.call_function(function, args, kwargs)
        self.last_run = run
        self.measured = run.elapsed
        if run.stall is not None:
            raise STALL_TYPES[run.stall](run.stall)
        if run.exception is None:
            _fail("raises-nothing", None, expected=expected.__name__)
        if not isinstance(run.exception, expected):
            _fail("raises-other", None, expected=expected.__name__,
                  actual=f"{type(run.exception).__name__}: {run.exception}")
        return run.exception


def _short(value, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _excerpt(text: str, limit: int = 300) -> str:
    text = text.strip()
    if not text:
        return "(empty / 空)"
    return text if len(text) <= limit else text[:limit] + "…"


__all__ = ["test", "Failure", "TestContext", "Run", "Stall"]
