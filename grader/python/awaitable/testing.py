"""The test API for exercise authors. An exercise's ``tests.py`` runs in the
judge, never in the student's process, and never sees the student's objects:
it starts runs of the submission and asserts on what the judge observed.

    from awaitable.testing import test

    @test("concurrent", zh="三个请求同时进行", en="The three requests run concurrently", weight=2)
    def concurrent(t):
        run = t.measure(t.function("main", coroutine=True))
        t.about(run, 0.5, sequential=1.5)
        t.no_blocking(run)

Code that must drive the submission from inside its process (create its
objects, gather its coroutines) lives in the exercise's ``scenarios.py``, as
functions taking the submission's module first; ``t.scenario(name)`` runs one.
Everything crossing back is plain data: lists, tuples, dicts, sets, numbers,
strings, bytes, rebuilt exceptions, and ``StudentObject`` for the rest.

Every run gets a fresh virtual clock. Assertions raise ``Failure`` with a
bilingual, learner-facing message that names the likely misconception; the
first failing assertion ends the test.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Callable

from .judge.messages import message, message_kind
from .judge.values import StudentObject, is_asyncio_future, is_coroutine, rebuild
from .text import bilingual, seconds


class Failure(Exception):
    """A failed assertion: ``Failure(zh=..., en=..., misconception=...)``
    (or ``Failure({"zh-CN": ..., "en": ...}, misconception)``). ``kind`` is
    where the message comes from: "exercise" for the author's own words, the
    catalogue's kind (judge/messages.py) for the shared assertions."""

    def __init__(self, text: dict | None = None, misconception: str | None = None, *, zh: str | None = None,
                 en: str | None = None, kind: str = "exercise") -> None:
        if text is None:
            text = bilingual(zh or "", en or "")
        elif "zh-CN" not in text:
            text = bilingual(text.get("zh", ""), text.get("en", ""))
        super().__init__(text["en"])
        self.text = text
        self.misconception = misconception
        self.kind = kind


class Stalled(Exception):
    """The run could make no further progress (deadlock, limits)."""

    def __init__(self, reason: str, elapsed: float) -> None:
        super().__init__(reason)
        self.reason = reason
        self.elapsed = elapsed


class StudentError(Exception):
    """The student's code raised (or its process ended) outside an assertion."""

    def __init__(self, error: dict, memory: bool = False) -> None:
        super().__init__(error.get("message", ""))
        self.error = error
        self.memory = memory


class CrashedError(Exception):
    """The student's process ended without reporting (a signal, a limit, a channel it broke)."""

    def __init__(self, how: str, cpu_seconds, exit_code) -> None:
        super().__init__(how)
        self.how = how
        self.cpu_seconds = cpu_seconds
        self.exit_code = exit_code


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


class FunctionRef:
    """A function (or class) of the submission, by name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<submission.{self.name}>"


class ScenarioRef:
    """A function of the exercise's scenarios.py, called with the submission's module first."""

    def __init__(self, name: str) -> None:
        self.name = name


class Run:
    """What one run did, as the judge observed it."""

    def __init__(self, end) -> None:
        observation = end.observation
        self.elapsed = observation.elapsed()
        self.result = rebuild(end.value) if end.kind == "returned" else None
        self.exception = rebuild_error(end.error) if end.kind == "raised" else None
        self.error = end.error
        self.stdout = observation.stdout.decode("utf-8", "backslashreplace")
        self.stderr = observation.stderr.decode("utf-8", "backslashreplace")
        self.trace = observation.trace()
        self.requests = [dict(record) for record in observation.io_log]

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def blocking(self) -> list[dict]:
        return self.trace["blocking"]

    @property
    def never_awaited(self) -> list[str]:
        return self.trace["neverAwaited"]

    @property
    def peak_in_flight(self) -> int:
        return self.trace["peakInFlight"]

    @property
    def tasks(self) -> list[dict]:
        return self.trace["tasks"]

    @property
    def events(self) -> list[dict]:
        return self.trace["events"]

    @property
    def pools(self) -> list[dict]:
        """The thread pools (ThreadPoolExecutor, the default executor) that ran
        jobs in this run, in the order of their first job: ``{"pool", "workers",
        "jobs"}``; more than one for work that should share one pool is a pool
        made per call."""
        pools: dict = {}
        for event in self.events:
            if event["kind"] == "job-start" and event.get("pool") is not None:
                entry = pools.setdefault(event["pool"], {"pool": event["pool"], "workers": event.get("workers"), "jobs": 0})
                entry["jobs"] += 1
        return [pools[key] for key in sorted(pools)]

    def tasks_named(self, name: str) -> list[dict]:
        return [task for task in self.tasks
                if task["coroutine"] == name or task["coroutine"].endswith("." + name)
                or task["label"] == name or task["name"] == name]

    @property
    def sessions(self) -> list[int]:
        """The aiohttp ClientSessions the run's requests went through (their
        numbers, in the order of their first request; aiohttp.request() makes
        one per call)."""
        seen: list[int] = []
        for record in self.requests:
            number = record.get("session")
            if number is not None and number not in seen:
                seen.append(number)
        return seen

    def requests_to(self, pattern: str) -> list[dict]:
        """The judge's record of the requests whose URL matches ``pattern`` (fnmatch)."""
        return [record for record in self.requests if fnmatch.fnmatchcase(record["url"], pattern)]


def rebuild_error(error: dict | None) -> BaseException | None:
    """The student's exception as a judge-side value of the same type name."""
    if not error:
        return None
    text = str(error.get("message", ""))
    name = str(error.get("type", "Exception"))
    # "KeyError: 'x'" -> the exception's own message
    argument = text[len(name) + 2:] if text.startswith(name + ": ") else ("" if text == name else text)
    return rebuild({"$exception": {"type": name, "module": error.get("module", "builtins"),
                                   "mro": error.get("mro", []), "args": [argument] if argument else []}})


def _queued_on(run: Run, primitive: str) -> bool:
    """Some task of the run waited on ``primitive`` (e.g. "Semaphore.acquire")."""
    return any(event["kind"] == "suspend" and event.get("on") == primitive for event in run.events)


def _unfinished(run: Run) -> list[str]:
    """The coroutines of the tasks still running when the function under test
    returned (the run then cancelled them), or that never ended."""
    ends = {event["task"]: index for index, event in enumerate(run.events) if event["kind"] == "end"}
    roots = [ends.get(task["id"]) for task in run.tasks if task["parent"] is None]
    if not roots or None in roots:
        return []
    returned = max(roots)
    return sorted({task["coroutine"] + "()" for task in run.tasks
                   if task["parent"] is not None and (task["id"] not in ends or ends[task["id"]] > returned)})


def _task_names(run: Run, limit: int = 8) -> str:
    names = sorted({task["coroutine"] + "()" for task in run.tasks})
    shown = ", ".join(names[:limit]) + (" …" if len(names) > limit else "")
    return shown or "—"


def _where(entry: dict) -> str:
    return entry.get("label") or "?"


def _fail(key: str, misconception: str | None = None, **parameters):
    raise Failure(message(key, **parameters), misconception, kind=message_kind(key))


def _fail_blocking(entry: dict) -> None:
    """Fails for a blocking entry that has a message of its own (a CPU
    stretch, a plain open()); returns for the others."""
    if entry["call"] == "cpu":
        _fail("blocking-cpu", "blocking-cpu", where=_where(entry), real_ms=entry["realMs"])
    if entry["call"] == "open":
        _fail("blocking-open", "blocking-call", where=_where(entry), detail=entry.get("detail", ""),
              seconds=seconds(entry["seconds"]))


class TestContext:
    def __init__(self, runner) -> None:
        self._runner = runner
        self.measured: float | None = None
        # What the last duration check expected: {"seconds", "tolerance"} (the result's tests[].expected).
        self.expected: dict | None = None
        self.last_run: Run | None = None

    # ----- running the student's code ---------------------------------------------

    def _checked(self, phases, allow_exception: bool = False) -> Run:
        """The run of the last phase; an exception for a phase that did not
        end normally (the module's own exceptions always count: they happen
        before the function under test was even called)."""
        for index, end in enumerate(phases):
            run = Run(end)
            self.last_run = run
            self.measured = run.elapsed
            if end.kind == "stall":
                raise Stalled(end.stall, run.elapsed)
            if end.kind == "crashed":
                raise CrashedError(end.how, end.value, end.exit)
            if end.kind == "exit" and end.exit not in (None, 0):
                raise Failure(message("exit-called", code=repr(end.exit)), "exit", kind="observed")
            if end.kind == "raised" and not (allow_exception and index == len(phases) - 1):
                raise StudentError(end.error or {}, end.memory)
        return self.last_run

    def run_program(self, *, allow_exception: bool = False) -> Run:
        """Run the submission as ``__main__``, as ``python3 file.py`` would."""
        return self._checked(self._runner.run({"kind": "program"}), allow_exception)

    def inventory(self) -> dict:
        """The names the submission defines (name -> coroutine-function, function, class, value, ...)."""
        return self._runner.inventory()

    def load(self) -> "_Module":
        """The submission as a module: ``t.load().Account`` is ``t.function("Account")``."""
        self.inventory()
        return _Module(self)

    def function(self, name: str, *, coroutine: bool | None = None) -> FunctionRef:
        inventory = self.inventory()
        kind = inventory.get(name)
        if kind is None:
            _fail("missing-name", "missing-name", name=name)
        if coroutine and kind != "coroutine-function":
            _fail("not-a-coroutine-function", "not-async", name=name)
        return FunctionRef(name)

    def scenario(self, name: str) -> ScenarioRef:
        if name not in self._runner.scenario_names():
            raise RuntimeError(f"the exercise has no scenario {name!r} in scenarios.py")
        return ScenarioRef(name)

    def _target(self, reference, args, kwargs) -> dict:
        if isinstance(reference, FunctionRef):
            return {"kind": "call", "name": reference.name, "args": list(args), "kwargs": dict(kwargs)}
        if isinstance(reference, ScenarioRef):
            return {"kind": "scenario", "name": reference.name, "args": list(args), "kwargs": dict(kwargs)}
        raise TypeError("tests run the student's code through t.function(...) or t.scenario(...), "
                        f"not {type(reference).__name__}")

    def measure(self, reference, *args, allow_exception: bool = False, **kwargs) -> Run:
        """Call a function of the submission (or a scenario) on a fresh clock;
        awaits it if it is async."""
        return self._checked(self._runner.run(self._target(reference, args, kwargs)), allow_exception)

    def raises(self, expected: type[BaseException], reference, *args, **kwargs) -> BaseException:
        phases = self._runner.run(self._target(reference, args, kwargs))
        if len(phases) > 1:
            self._checked(phases[:-1])
        end = phases[-1]
        run = Run(end)
        self.last_run = run
        self.measured = run.elapsed
        if end.kind == "stall":
            raise Stalled(end.stall, run.elapsed)
        if end.kind == "crashed":
            raise CrashedError(end.how, end.value, end.exit)
        if end.kind != "raised":
            _fail("raises-nothing", None, expected=expected.__name__)
        error = run.exception
        if not isinstance(error, expected):
            _fail("raises-other", None, expected=expected.__name__, actual=(end.error or {}).get("message", "?"))
        return error

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
            for call in ("open", "cpu"):
                for entry in run.blocking:
                    if entry["call"] == call:
                        _fail_blocking(entry)
            if measured > expected and run.peak_in_flight == 1 and _queued_on(run, "Semaphore.acquire"):
                _fail("one-at-a-time", "sequential",
                      primitive="asyncio.Semaphore.acquire", short="Semaphore", **parameters)
            if measured < expected:
                unfinished = _unfinished(run)
                if unfinished:
                    _fail("unfinished-tasks", "timing", names=", ".join(unfinished), **parameters)
        if sequential is not None and abs(measured - sequential) <= max(tolerance, 0.02 * sequential):
            key = "one-after-another" if run is not None and run.peak_in_flight <= 1 else "sequential"
            _fail(key, "sequential", sequential=seconds(sequential), **parameters)
        key = "too-slow" if measured > expected else "too-fast"
        _fail(key, "timing", tolerance=seconds(tolerance), **parameters)

    def about(self, run_or_seconds, expected: float, tolerance: float = 0.01, *,
              sequential: float | None = None) -> None:
        """The run took ``expected`` seconds, within ``tolerance``."""
        run = run_or_seconds if isinstance(run_or_seconds, Run) else None
        measured = run.elapsed if run is not None else float(run_or_seconds)
        if self._runner.clock == "wall":
            tolerance = max(tolerance, 0.05 + 0.1 * expected)
        self.measured = measured
        self.expected = {"seconds": round(float(expected), 6), "tolerance": round(float(tolerance), 6)}
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
            raise Failure(bilingual(zh.format(measured=seconds(measured), value=seconds(value)),
                                    en.format(measured=seconds(measured), value=seconds(value))), misconception)
        _fail("not-about", misconception, measured=seconds(measured), value=seconds(value))

    def max_in_flight(self, run: Run, limit: int) -> None:
        """Never more than ``limit`` operations (sleeps, fake I/O, executor jobs) at once."""
        if run.peak_in_flight > limit:
            pools = run.pools
            if len(pools) > 1 and all(pool["jobs"] <= limit for pool in pools):
                _fail("pool-per-call", "unbounded-concurrency", limit=limit, peak=run.peak_in_flight, count=len(pools))
            _fail("max-in-flight", "unbounded-concurrency", limit=limit, peak=run.peak_in_flight)

    def min_in_flight(self, run: Run, limit: int) -> None:
        if run.peak_in_flight < limit:
            _fail("min-in-flight", "sequential", limit=limit, peak=run.peak_in_flight)

    def overlapped(self, run: Run, first: str, second: str) -> None:
        """Tasks running coroutines ``first`` and ``second`` were alive at the same time."""
        first_tasks = run.tasks_named(first)
        second_tasks = run.tasks_named(second)
        for name, found in ((first, first_tasks), (second, second_tasks)):
            if not found:
                _fail("task-missing", "not-a-task", name=name, seen=_task_names(run))
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
            _fail_blocking(entry)
            misconception = "blocking-sleep" if entry["call"] == "time.sleep" else "blocking-call"
            _fail("no-blocking", misconception, where=_where(entry), call=entry["call"],
                  seconds=seconds(entry["seconds"]))

    def all_awaited(self, run: Run) -> None:
        if run.never_awaited:
            _fail("never-awaited", "never-awaited", names=", ".join(sorted(set(run.never_awaited))))

    def equal(self, actual, expected) -> None:
        # Both sides are judge-side values: comparing them runs no student code.
        if actual == expected:
            return
        if is_coroutine(actual):
            _fail("equal-coroutine", "missing-await", expected=_short(expected))
        if is_asyncio_future(actual):
            _fail("equal-future", "missing-await", kind=actual.type, expected=_short(expected))
        if actual is None:
            _fail("equal-none", "missing-return", expected=_short(expected))
        _fail("equal", None, expected=_short(expected), actual=_short(actual))

    def fail(self, misconception: str | None = None, *, zh: str, en: str):
        """Fail the test with a message of the author's own."""
        raise Failure(bilingual(zh, en), misconception)


class _Module:
    def __init__(self, context: TestContext) -> None:
        self._context = context

    def __getattr__(self, name: str) -> FunctionRef:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._context.function(name)


def _short(value, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _excerpt(text: str, limit: int = 300) -> str:
    text = text.strip()
    if not text:
        return "(empty / 空)"
    return text if len(text) <= limit else text[:limit] + "…"


__all__ = ["test", "Failure", "TestContext", "Run", "StudentObject", "Stalled", "StudentError"]
