"""One phase of a run as the judge knows it.

The judge's own facts: the clock (it grants every advance), the fake I/O (it
served every request, and decided when each answer arrives), the output (it
read the student's stdout and stderr pipes), and when each reported event
happened (it stamps them with its clock as they arrive). The student's
process adds observations (tasks, waits, blocking calls, threads): they are
checked against those facts and against each other, and anything that does
not hold together is tampering (grader/CONTRACT.md, "What the judge checks").
"""

from __future__ import annotations

import math
import re

from ..contract import MAX_EVENTS

NEVER_AWAITED = re.compile(r"coroutine '([^']+)' was never awaited")
OUTPUT_EVENT_CHARACTERS = 2000
EPSILON = 1e-9
KINDS = {
    "create", "resume", "suspend", "end", "name", "cpu", "blocking", "thread-sleep", "thread-start",
    "thread-end", "job-start", "job-end", "timer", "timer-cancel", "loop-close", "wait", "warning", "out",
    "io-end",
}
CATEGORIES = {"sleep", "io", "sync", "gather", "task", "executor", "wait", "yield", "other"}


class Inconsistent(Exception):
    """The student's process reported something that cannot have happened."""


def _round(value: float) -> float:
    return round(value, 6)


def _text(value, limit: int = 300) -> str:
    if not isinstance(value, str):
        raise Inconsistent("a text field is not text")
    return value[:limit]


def _number(value, *, finite: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Inconsistent("a number field is not a number")
    if finite and not math.isfinite(value):
        raise Inconsistent("a number is not finite")
    return float(value)


def _integer(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Inconsistent("an id is not an integer")
    return value


class Task:
    __slots__ = ("id", "name", "coroutine", "label", "parent", "created", "started", "ended", "outcome",
                 "error", "state", "step_started", "in_flight", "sleep_until", "sleep_label")

    def __init__(self, identifier: int, created: float) -> None:
        self.id = identifier
        self.name = ""
        self.coroutine = ""
        self.label = ""
        self.parent = None
        self.created = created
        self.started = None
        self.ended = None
        self.outcome = None
        self.error = None
        self.state = "created"  # created -> running <-> suspended -> ended
        self.step_started = created
        self.in_flight = False
        self.sleep_until = None
        self.sleep_label = ""

    def as_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "coroutine": self.coroutine, "label": self.label,
            "parent": self.parent, "created": _round(self.created),
            "started": None if self.started is None else _round(self.started),
            "ended": None if self.ended is None else _round(self.ended),
            "outcome": self.outcome, "error": self.error,
        }


class Observation:
    def __init__(self, *, virtual: bool, limit: float, services) -> None:
        self.virtual = virtual
        self.limit = limit
        self.services = services
        self.now = 0.0
        self.wall_now = 0.0
        self.events: list[dict] = []
        self.truncated = False
        self.tasks: dict[int, Task] = {}
        self.threads: list[dict] = []
        self.thread_index: dict[int, dict] = {}
        self.blocking: list[dict] = []
        self.never_awaited: list[str] = []
        self.in_flight = 0
        self.peak_in_flight = 0
        self.io: dict[int, dict] = {}
        self.io_log: list[dict] = []
        self.timers: dict[int, dict[int, float]] = {}
        self.waits: dict[int, float] = {}
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.unclaimed = {"stdout": bytearray(), "stderr": bytearray()}
        self.tampering: list[dict] = []
        self.output_bytes = 0
        self.quiet_work = 0.0
        self.blocking_work: float | None = None

    # ----- time -----------------------------------------------------------------

    def stamp(self, event: dict) -> float:
        if self.virtual:
            return self.now
        reported = event.get("t")
        if isinstance(reported, (int, float)) and not isinstance(reported, bool) and math.isfinite(reported):
            # Wall clock: the process's own reading, never before the previous
            # one and never after the judge's own.
            self.wall_now = min(max(self.wall_now, float(reported)), max(self.now, self.wall_now))
        return self.wall_now

    def advance(self, deadline, reason) -> float:
        """The clock for ``deadline``, if an advance to it is due; Inconsistent otherwise."""
        deadline = _number(deadline)
        if deadline <= self.now:
            raise Inconsistent(f"an advance to {deadline:g} s when the clock is already at {self.now:g} s")
        if not isinstance(reason, list) or len(reason) != 2 or reason[0] not in ("timer", "actor"):
            raise Inconsistent("an advance without a reason")
        if reason[0] == "timer":
            pending = [when for when in self.timers.get(_integer(reason[1]), {}).values() if when > self.now]
            if not pending or min(pending) != deadline:
                raise Inconsistent(f"an advance to {deadline:g} s that no timer of the loop is due at")
        else:
            if self.waits.get(_integer(reason[1])) != deadline:
                raise Inconsistent(f"an advance to {deadline:g} s that no waiting thread is due at")
        self._due(deadline)
        return deadline

    def charge(self, seconds) -> float:
        seconds = _number(seconds)
        if seconds < 0:
            raise Inconsistent("a negative CPU charge")
        self._due(self.now + seconds)
        return self.now

    def _due(self, now: float) -> None:
        self.now = now
        for timers in self.timers.values():
            for identifier in [identifier for identifier, when in timers.items() if when <= now]:
                del timers[identifier]

    # ----- the trace's events -------------------------------------------------------

    def emit(self, event: dict) -> None:
        if len(self.events) >= MAX_EVENTS:
            self.truncated = True
            return
        self.events.append(event)

    def _flight(self, delta: int) -> None:
        self.in_flight += delta
        if self.in_flight > self.peak_in_flight:
            self.peak_in_flight = self.in_flight

    def _task(self, value) -> Task:
        task = self.tasks.get(_integer(value))
        if task is None:
            raise Inconsistent("an event about a task that was never created")
        return task

    def apply(self, events) -> None:
        if not isinstance(events, list):
            raise Inconsistent("events are not a list")
        for event in events:
            if not isinstance(event, dict) or event.get("kind") not in KINDS:
                raise Inconsistent("an event of an unknown kind")
            getattr(self, "_on_" + event["kind"].replace("-", "_"))(event, self.stamp(event))
        self.claim_rest()

    def _on_create(self, event: dict, t: float) -> None:
        identifier = _integer(event.get("task"))
        if identifier in self.tasks:
            raise Inconsistent("a task created twice")
        task = Task(identifier, t)
        task.name = _text(event.get("name", ""))
        task.coroutine = _text(event.get("coroutine", ""))
        task.label = _text(event.get("label", ""))
        parent = event.get("parent")
        task.parent = None if parent is None else self._task(parent).id
        self.tasks[identifier] = task
        self.emit({"t": _round(t), "kind": "create", "task": identifier, "parent": task.parent, "label": task.label})

    def _on_resume(self, event: dict, t: float) -> None:
        task = self._task(event.get("task"))
        if task.state not in ("created", "suspended"):
            raise Inconsistent(f"task {task.id} resumed while {task.state}")
        cancelled = event.get("cancelled") is True
        if task.sleep_until is not None and not cancelled and t < task.sleep_until - EPSILON:
            raise Inconsistent(f"{task.sleep_label} ended after {t - task.step_started:g} s of virtual time")
        if task.in_flight:
            task.in_flight = False
            self._flight(-1)
        task.sleep_until = None
        task.step_started = t
        if task.started is None:
            task.started = t
            self.emit({"t": _round(t), "kind": "start", "task": task.id})
        else:
            self.emit({"t": _round(t), "kind": "resume", "task": task.id})
        task.state = "running"

    def _on_suspend(self, event: dict, t: float) -> None:
        task = self._task(event.get("task"))
        if task.state != "running":
            raise Inconsistent(f"task {task.id} suspended while {task.state}")
        category = event.get("category")
        if category not in CATEGORIES:
            raise Inconsistent("a wait of an unknown kind")
        label = _text(event.get("on", ""))
        task.state = "suspended"
        task.step_started = t
        if category == "sleep":
            until = _number(event.get("until"))
            if until < t - EPSILON:
                raise Inconsistent("a sleep that ends before it starts")
            task.sleep_until = until
            task.sleep_label = label
        if category in ("sleep", "executor"):
            task.in_flight = True
            self._flight(+1)
        self.emit({"t": _round(t), "kind": "suspend", "task": task.id, "on": label, "category": category})

    def _on_end(self, event: dict, t: float) -> None:
        task = self._task(event.get("task"))
        if task.state != "running":
            raise Inconsistent(f"task {task.id} ended while {task.state}")
        outcome = event.get("outcome")
        if outcome not in ("result", "exception", "cancelled"):
            raise Inconsistent("a task end without an outcome")
        task.state = "ended"
        task.ended = t
        task.outcome = outcome
        emitted = {"t": _round(t), "kind": "end", "task": task.id, "outcome": outcome}
        if event.get("error") is not None:
            task.error = _text(event["error"])
            emitted["error"] = task.error
        self.emit(emitted)

    def _on_name(self, event: dict, t: float) -> None:
        self._task(event.get("task")).name = _text(event.get("name", ""))

    def _on_cpu(self, event: dict, t: float) -> None:
        task = None if event.get("task") is None else self._task(event.get("task"))
        real_ms = _number(event.get("realMs"))
        work = _number(event.get("work"))
        started = task.step_started if task is not None else t
        label = task.label if task is not None else _text(event.get("label", ""))
        entry = {"call": "cpu", "task": task.id if task else None, "label": label, "t": _round(started),
                 "end": _round(t), "realMs": round(real_ms), "work": round(work)}
        self.blocking.append(entry)
        self.emit({"t": _round(started), "kind": "blocking", "call": "cpu", "task": entry["task"],
                   "end": _round(t), "realMs": round(real_ms)})

    def _on_blocking(self, event: dict, t: float) -> None:
        task = None if event.get("task") is None else self._task(event.get("task"))
        seconds = _number(event.get("seconds"))
        call = _text(event.get("call", ""), 80)
        entry = {"call": call, "seconds": seconds, "task": task.id if task else None,
                 "label": task.label if task else None, "t": _round(t), "end": _round(t + seconds)}
        emitted = {"t": _round(t), "kind": "blocking", "call": call, "task": entry["task"], "seconds": seconds,
                   "end": entry["end"]}
        if event.get("detail") is not None:
            entry["detail"] = emitted["detail"] = _text(event["detail"])
        self.blocking.append(entry)
        self.emit(emitted)

    def _on_thread_sleep(self, event: dict, t: float) -> None:
        seconds = _number(event.get("seconds"))
        self.emit({"t": _round(t), "kind": "thread-sleep", "thread": _integer(event.get("thread")),
                   "call": _text(event.get("call", ""), 80), "seconds": seconds, "end": _round(t + seconds)})

    def _thread(self, event: dict, t: float, kind: str) -> None:
        identifier = _integer(event.get("thread"))
        name = _text(event.get("name", ""))
        emitted = {"t": _round(t), "kind": kind, "thread": identifier, "name": name}
        if kind in ("thread-start", "job-start"):
            record = {"id": identifier, "name": name, "kind": "thread" if kind == "thread-start" else "executor-job",
                      "started": _round(t), "ended": None}
            self.threads.append(record)
            self.thread_index[identifier] = record
        else:
            record = self.thread_index.get(identifier)
            if record is not None:
                record["ended"] = _round(t)
        if event.get("process") is True:
            emitted["process"] = True
            emitted["worker"] = _integer(event.get("worker", 0))
        elif kind == "job-start" and event.get("pool") is not None:
            emitted["pool"] = _integer(event.get("pool"))
            emitted["workers"] = _integer(event.get("workers", 0))
        self.emit(emitted)

    def _on_thread_start(self, event: dict, t: float) -> None:
        self._thread(event, t, "thread-start")

    def _on_thread_end(self, event: dict, t: float) -> None:
        self._thread(event, t, "thread-end")

    def _on_job_start(self, event: dict, t: float) -> None:
        self._thread(event, t, "job-start")

    def _on_job_end(self, event: dict, t: float) -> None:
        self._thread(event, t, "job-end")

    def _on_timer(self, event: dict, t: float) -> None:
        loop = _integer(event.get("loop"))
        self.timers.setdefault(loop, {})[_integer(event.get("id"))] = _number(event.get("when"))

    def _on_timer_cancel(self, event: dict, t: float) -> None:
        self.timers.get(_integer(event.get("loop")), {}).pop(_integer(event.get("id")), None)

    def _on_loop_close(self, event: dict, t: float) -> None:
        self.timers.pop(_integer(event.get("loop")), None)

    def _on_wait(self, event: dict, t: float) -> None:
        self.waits[_integer(event.get("actor"))] = _number(event.get("deadline"))

    def _on_warning(self, event: dict, t: float) -> None:
        category = _text(event.get("category", ""), 120)
        message = _text(event.get("message", ""), 1000)
        match = NEVER_AWAITED.search(message)
        if match:
            self.never_awaited.append(match.group(1))
        self.emit({"t": _round(t), "kind": "warning", "category": category, "message": message})

    def _on_io_end(self, event: dict, t: float) -> None:
        record = self.io.pop(_integer(event.get("io")), None)
        if record is None:
            raise Inconsistent("the end of a request the judge never served")
        cancelled = event.get("cancelled") is True
        if not cancelled and t < record["until"] - EPSILON:
            raise Inconsistent(f"the answer to {record['label']} arrived before the judge sent it")
        record["end"] = _round(t)
        self._flight(-1)
        self.emit({"t": _round(t), "kind": "io-end", "io": record["id"]})

    # ----- output -------------------------------------------------------------------

    def output(self, stream: str, data: bytes) -> None:
        """Bytes the judge read from the student's stdout or stderr."""
        (self.stdout if stream == "stdout" else self.stderr).extend(data)
        self.unclaimed[stream].extend(data)
        self.output_bytes += len(data)

    def _on_out(self, event: dict, t: float) -> None:
        stream = event.get("stream")
        if stream not in ("stdout", "stderr"):
            raise Inconsistent("output of an unknown stream")
        size = _integer(event.get("bytes"))
        buffer = self.unclaimed[stream]
        data = bytes(buffer[:size])
        del buffer[:size]
        self._output_event(stream, data, t)

    def claim_rest(self) -> None:
        """Output no marker placed (written below the runtime's streams): now."""
        for stream, buffer in self.unclaimed.items():
            if buffer:
                data = bytes(buffer)
                buffer.clear()
                self._output_event(stream, data, self.stamp({}))

    def _output_event(self, stream: str, data: bytes, t: float) -> None:
        if not data:
            return
        text = data.decode("utf-8", "backslashreplace")
        t = _round(t)
        last = self.events[-1] if self.events else None
        if last is not None and last.get("kind") == "output" and last["stream"] == stream \
                and last["t"] == t and not last["text"].endswith("\n"):
            if len(last["text"]) < OUTPUT_EVENT_CHARACTERS:
                last["text"] += text
            return
        self.emit({"t": t, "kind": "output", "stream": stream, "text": text[:OUTPUT_EVENT_CHARACTERS]})

    # ----- fake I/O ---------------------------------------------------------------------

    def serve(self, request) -> dict:
        """Answer a request of the student's and record it."""
        if not isinstance(request, dict):
            raise Inconsistent("a request that is not a request")
        operation = request.get("op")
        task = request.get("task")
        task_id = None if task is None else self._task(task).id
        timeout = request.get("timeout")
        timeout = None if timeout is None else max(_number(timeout), 0.0)
        if operation == "http":
            method = _text(request.get("method", ""), 16).upper()
            url = _text(request.get("url", ""), 4096)
            latency, status, body = self.services.http(method, url)
            blocking = request.get("blocking") is True
            label = f"{method} {url}" + (" (blocking)" if blocking else "")
            if blocking:
                self._blocking_request(request, method, url, latency, task_id)
            timed_out = timeout is not None and timeout < latency
            wait = timeout if timed_out else latency
            answer = {"latency": latency, "status": status, "body": body, "timedOut": timed_out, "wait": wait}
        elif operation == "file":
            label = _text(request.get("label", ""))
            wait = self.services.file_latency
            answer = {"latency": wait, "status": 0, "body": "", "timedOut": False, "wait": wait}
            method, url = "FILE", label
        else:
            raise Inconsistent("a request of an unknown kind")
        identifier = len(self.io_log) + 1
        t = self.stamp(request)
        record = {"id": identifier, "label": label, "task": task_id, "start": _round(t), "end": None,
                  "until": t + wait, "method": method, "url": url}
        if operation == "http" and request.get("session") is not None:
            record["session"] = _integer(request.get("session"))
        self.io[identifier] = record
        self.io_log.append(record)
        self._flight(+1)
        self.emit({"t": _round(t), "kind": "io-start", "io": identifier, "label": label, "task": task_id})
        answer["id"] = identifier
        return answer

    def _blocking_request(self, request: dict, method: str, url: str, latency: float, task_id) -> None:
        """A blocking HTTP call (requests): it blocks the loop when made in a
        coroutine, only its thread when made in a thread of the student's."""
        call = f"requests.{method.lower()}"
        t = self.stamp(request)
        if request.get("inLoop") is True:
            task = self.tasks.get(task_id) if task_id is not None else None
            entry = {"call": call, "seconds": latency, "task": task_id, "label": task.label if task else None,
                     "t": _round(t), "end": _round(t + latency), "detail": url}
            self.blocking.append(entry)
            self.emit({"t": _round(t), "kind": "blocking", "call": call, "task": task_id, "seconds": latency,
                       "end": entry["end"], "detail": url})
        elif request.get("thread") is not None:
            self.emit({"t": _round(t), "kind": "thread-sleep", "thread": _integer(request["thread"]), "call": call,
                       "seconds": latency, "end": _round(t + latency)})

    # ----- the end ---------------------------------------------------------------------------

    def close(self) -> None:
        """The phase is over: requests still open end at the time the judge
        planned for them (or now, if that is earlier)."""
        for record in self.io.values():
            record["end"] = _round(min(record["until"], max(self.now, record["start"])))
        self.io.clear()
        self.claim_rest()

    def elapsed(self) -> float:
        return self.now if self.virtual else self.wall_now

    def trace(self) -> dict:
        return {
            "elapsed": _round(self.elapsed()),
            "tasks": [task.as_json() for task in self.tasks.values()],
            "threads": self.threads,
            "events": self.events,
            "blocking": self.blocking,
            "neverAwaited": self.never_awaited,
            "peakInFlight": self.peak_in_flight,
            "truncated": self.truncated,
        }

    def cpu_margins(self, quiet, blocking) -> None:
        """The phase's CPU margins as the student's process measured them (its own
        observation: used to prove thresholds, never to pass a test)."""
        if isinstance(quiet, (int, float)) and not isinstance(quiet, bool) and quiet >= 0:
            self.quiet_work = float(quiet)
        if isinstance(blocking, (int, float)) and not isinstance(blocking, bool) and blocking >= 0:
            self.blocking_work = float(blocking)
