"""The judge process: reads the job, grades or runs the submission through the
student's processes, and writes the result document (grader/CONTRACT.md).

It never executes the student's code: tests.py, the assertions, the score,
the verdict and the result channel (fd 3) are here, in a process the
student's processes cannot read, write, signal or trace.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import traceback
import types

from ..contract import CPU_BLOCKING_UNITS, EXIT_CODES, RESULT_VERSION
from ..text import bilingual, seconds
from .. import testing
from .errors import student_error
from .messages import message
from .output import TestOutput, output_texts
from .services import Services
from .student import StudentError as HostGone
from .student import StudentSide
from .traces import fit_traces

HARNESS_VERSION = "2.1.0"
RESULT_CHANNEL_FD = 3

STALL_MESSAGES = {"deadlock", "virtual-time-limit", "busy-wait", "wall-time-limit", "output-limit"}
WHAT = {
    "introspection": ("用 gc 或帧检查了评测系统的对象", "inspected the grader's objects (gc or frames)"),
    "frames": ("读取了调用栈中的帧", "read frames of the call stack"),
    "code": ("读取或创建了代码对象", "read or made code objects"),
    "ctypes": ("使用了 ctypes 访问内存", "used ctypes to reach memory"),
    "import": ("导入了评测系统或 ctypes 的模块", "imported a grader module or ctypes"),
    "memory": ("读取了进程的内存", "read the process's memory"),
    "patch": ("替换了评测依赖的标准库或评测代码", "replaced part of the standard library or the grader that grading relies on"),
    "channel": ("向评测系统的私有通道写入了数据", "wrote to the grader's private channel"),
    "protocol": ("让评测系统观察到了不可能发生的事情", "made the grader observe something that cannot have happened"),
}


class Runner:
    """What tests.py's TestContext runs through: runs, the inventory, limits."""

    def __init__(self, job: dict, student: StudentSide) -> None:
        self.job = job
        self.student = student
        self.clock = job["clock"]
        self._inventory: dict | None = None
        self._scenarios = _scenario_names((job.get("exercise") or {}).get("scenarios"))

    def run(self, target: dict):
        phases = self.student.run(target)
        module = phases[0]
        if module.inventory is not None and self._inventory is None:
            self._inventory = module.inventory
        return phases

    def inventory(self) -> dict:
        if self._inventory is None:
            phases = self.run({"kind": "load"})
            end = phases[0]
            if end.kind != "returned" and self._inventory is None:
                # The module itself failed: the test reports it like any run's failure.
                testing.TestContext(self)._checked(phases)
            if self._inventory is None:
                self._inventory = {}
        return self._inventory

    def scenario_names(self) -> set:
        return self._scenarios


def _scenario_names(source: str | None) -> set:
    if not source:
        return set()
    import ast
    tree = ast.parse(source)
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and not node.name.startswith("_")}


def _base_document(job: dict) -> dict:
    exercise = job.get("exercise")
    return {
        "version": RESULT_VERSION,
        "mode": job["mode"],
        "verdict": "GRADER_ERROR",
        "score": None,
        "message": None,
        "clock": job["clock"],
        "cpu": job["cpu"],
        "elapsed": None,
        "exercise": {"id": exercise["id"], "slug": exercise["slug"]} if exercise else None,
        "tests": [],
        "error": None,
        "trace": None,
        "tampering": [],
        "cpuWork": None,
        "python": ".".join(map(str, sys.version_info[:3])),
        "harness": HARNESS_VERSION,
        "timings": {},
    }


def _error(kind: str, text: dict, line=None) -> dict:
    """An error the judge itself describes (a stall, a limit, tampering)."""
    return {"type": kind, "message": text["en"], "line": line, "column": None, "traceback": ""}


def _syntax(job: dict, syntax: dict) -> tuple[dict, dict]:
    """The syntax error as the document shows it, and its message; its
    traceback goes to the run's stderr, as python3 would print it."""
    error = student_error(syntax, job["submission"], syntax=True)
    _write_stderr(error["traceback"])
    run = "-run" if job["mode"] == "run" else ""
    if error["line"] is None:
        return error, message("syntax-error-file" + run, error=error["message"])
    return error, message("syntax-error" + run, line=error["line"], error=error["message"])


def _waiting_at_stall(trace: dict | None) -> list[tuple[str, str]]:
    """(task, what it waits on) for the tasks of a stalled run that never
    ended, from their last suspend event, at most 6."""
    if not trace:
        return []
    last: dict = {}
    for event in trace["events"]:
        if event["kind"] == "suspend":
            last[event["task"]] = event.get("on") or "?"
    waiting = []
    for task in trace["tasks"]:
        if task["ended"] is None and task["id"] in last:
            waiting.append((f'{task["label"] or task["coroutine"]}', last[task["id"]]))
    return waiting[:6]


def _stall_message(reason: str, now: float, job: dict, trace: dict | None = None) -> dict:
    limits = job["limits"]
    if reason == "virtual-time-limit":
        return message("virtual-time-limit", limit=seconds(float(limits["virtualSeconds"])))
    if reason == "busy-wait":
        return message("busy-wait")
    if reason == "wall-time-limit":
        return message("wall-time-limit", limit=seconds(float(limits["wallSeconds"])))
    if reason == "output-limit":
        return message("output-limit", limit=int(limits["outputKb"]) * 1024)
    if reason == "cpu-limit":
        return message("cpu-limit", limit=limits["cpuSeconds"])
    waiting = _waiting_at_stall(trace) if reason == "deadlock" else []
    if waiting:
        return message("deadlock-waiting", now=seconds(now),
                       waits="; ".join(f"{task} waits on {on}" for task, on in waiting),
                       waits_zh="；".join(f"{task} 在等 {on}" for task, on in waiting))
    return message("deadlock", now=seconds(now))


def _crash(how: str, cpu_seconds, exit_code, job: dict) -> tuple[str, dict, str]:
    """(verdict, message, error type) for a student process that ended on its own."""
    limits = job["limits"]
    if exit_code == EXIT_CODES["fileSizeLimit"] or how == "SIGXFSZ":
        return "OUTPUT_LIMIT", message("file-size-limit", limit=limits["fileSizeMb"]), "file-size-limit"
    if how == "SIGXCPU" or (isinstance(cpu_seconds, (int, float)) and cpu_seconds >= float(limits["cpuSeconds"]) - 0.05):
        return "TIME_LIMIT", message("cpu-limit", limit=limits["cpuSeconds"]), "cpu-limit"
    if how == "tampering":
        return "RUNTIME_ERROR", message("process-ended", how="tampering"), "tampering"
    return "RUNTIME_ERROR", message("process-ended", how=how), "signal" if how.startswith("SIG") else "exit"


def _write_stderr(text: str) -> None:
    try:
        os.write(2, text.encode("utf-8", "backslashreplace"))
    except OSError:
        pass


# ----- run mode -----------------------------------------------------------------------------------

def run_mode(job: dict, student: StudentSide, document: dict) -> None:
    syntax = student.syntax()
    if syntax is not None:
        error, text = _syntax(job, syntax)
        document.update(verdict="SYNTAX_ERROR", error=error, elapsed=0, message=text)
        return
    started = time.perf_counter()
    end = student.run({"kind": "program", "print": True})[-1]
    document["timings"]["runMs"] = (time.perf_counter() - started) * 1000
    observation = end.observation
    document["elapsed"] = round(observation.elapsed(), 6)
    trace = observation.trace()
    document["trace"] = fit_traces([(trace, 1)])[id(trace)]
    if end.kind == "stall":
        document["verdict"] = "OUTPUT_LIMIT" if end.stall == "output-limit" else "TIME_LIMIT"
        document["message"] = _stall_message(end.stall, observation.elapsed(), job, document["trace"])
        document["error"] = _error(end.stall, document["message"])
    elif end.kind == "crashed":
        verdict, text, kind = _crash(end.how, end.value, end.exit, job)
        document.update(verdict=verdict, message=text, error=_error(kind, text))
    elif end.kind == "raised":
        error = document["error"] = student_error(end.error, job["submission"])
        if end.memory:
            document.update(verdict="MEMORY_LIMIT", message=message("memory-limit"))
        elif error["line"] is None:
            document.update(verdict="RUNTIME_ERROR", message=message("runtime-error", error=error["message"]))
        else:
            document.update(verdict="RUNTIME_ERROR",
                            message=message("runtime-error-line", error=error["message"], line=error["line"]))
    elif end.kind == "exit" and end.exit not in (None, 0):
        document.update(verdict="RUNTIME_ERROR", message=message("exit-called", code=repr(end.exit)))
    else:
        document.update(verdict="PASSED",
                        message=message("passed-run", elapsed=seconds(observation.elapsed()), clock=job["clock"],
                                        clock_zh="虚拟时间" if job["clock"] == "virtual" else "真实时间"))


# ----- grade mode ---------------------------------------------------------------------------------

def _test_entry(definition, status: str, text: dict | None, measured: float | None,
                misconception: str | None, message_kind: str = "observed") -> dict:
    """One test's result. ``message_kind`` says where its message comes from
    (grader/CONTRACT.md): "exercise" (the exercise's own tests), "observed"
    (a cause the grader saw in the run) or "measured" (only what was
    measured against what was expected)."""
    return {
        "id": definition.id,
        "name": bilingual(definition.zh, definition.en),
        "status": status,
        "weight": definition.weight,
        "message": text,
        "misconception": misconception,
        "messageKind": None if text is None else message_kind,
        "duration": None if measured is None else round(measured, 6),
        "expected": None,
        # The test's own run and output, filled in once every test has run (grade_mode).
        "trace": None,
        "stdout": "",
        "stderr": "",
    }


def _load_tests(source: str) -> list:
    testing.registry.clear()
    module = types.ModuleType("exercise_tests")
    module.__file__ = "tests.py"
    exec(compile(source, "tests.py", "exec", dont_inherit=True), module.__dict__)
    return list(testing.registry)


def _run_test(definition, runner: Runner, job: dict):
    context = testing.TestContext(runner)
    kind = "passed"
    error = None
    try:
        definition.function(context)
        entry = _test_entry(definition, "passed", None, context.measured, None)
    except testing.Failure as failure:
        kind = "failed"
        entry = _test_entry(definition, "failed", failure.text, context.measured, failure.misconception, failure.kind)
    except testing.Stalled as stall:
        kind = "output" if stall.reason == "output-limit" else ("wall" if stall.reason == "wall-time-limit" else "stall")
        text = _stall_message(stall.reason, stall.elapsed, job, context.last_run.trace if context.last_run else None)
        entry = _test_entry(definition, "error", text, context.measured,
                            "output-limit" if stall.reason == "output-limit" else stall.reason)
        error = _error(stall.reason, text)
    except testing.CrashedError as crash:
        verdict, text, crash_kind = _crash(crash.how, crash.cpu_seconds, crash.exit_code, job)
        if verdict == "RUNTIME_ERROR":
            # The process ended before the run did (os._exit, a signal of its
            # own): nothing of the run can be judged, and the test fails.
            kind = "failed"
            entry = _test_entry(definition, "failed", message("ended-early", how=crash.how), context.measured, "exit")
        else:
            kind = {"OUTPUT_LIMIT": "output", "TIME_LIMIT": "stall"}.get(verdict, "student-error")
            entry = _test_entry(definition, "error", text, context.measured,
                                {"cpu-limit": "cpu-limit", "file-size-limit": "output-limit"}.get(crash_kind, "exception"))
            error = _error(crash_kind, text)
    except testing.StudentError as raised:
        error = student_error(raised.error, job["submission"])
        if raised.memory:
            kind = "memory"
            entry = _test_entry(definition, "error", message("memory-limit"), context.measured, "memory")
        else:
            kind = "student-error"
            entry = _test_entry(definition, "error", _exception_message(error, job), context.measured, "exception")
    except HostGone:
        raise
    except Exception as grader_bug:  # an exercise's tests.py is broken: ours, not the student's
        raise RuntimeError(f"test {definition.id} raised {grader_bug!r}") from grader_bug
    entry["expected"] = context.expected
    if error is not None:
        entry["error"] = error
    return entry, kind, context


def _exception_message(error: dict, job: dict) -> dict:
    """What the learner reads about their exception: where it was raised,
    and where it came out of a gather when it did."""
    where = "" if error["line"] is None else "-line"
    gather_line = gather_in_traceback(error["traceback"], str(job["submission"]["name"]))
    if gather_line is None:
        return message("student-exception" + where, error=error["message"], line=error["line"])
    return message("student-exception-gather" + where, error=error["message"], line=error["line"], gather=gather_line)


_GATHER_CALL = re.compile(r"\bgather\s*\(")
_TRACEBACK_FILE = re.compile(r'\s*File "(.*)", line (\d+)')


def gather_in_traceback(traceback_text: str, submission: str) -> int | None:
    """The line of the submission's own code, in the exception's traceback,
    that awaits asyncio.gather (which re-raised it), or None."""
    lines = traceback_text.splitlines()
    for index, line in enumerate(lines[:-1]):
        match = _TRACEBACK_FILE.match(line)
        if match and match.group(1) == submission and _GATHER_CALL.search(lines[index + 1]):
            return int(match.group(2))
    return None


def grade_mode(job: dict, student: StudentSide, document: dict) -> None:
    exercise = job["exercise"]
    student.start()
    definitions = _load_tests(exercise["tests"])
    total_weight = sum(definition.weight for definition in definitions) or 1.0
    syntax = student.syntax()
    if syntax is not None:
        error, text = _syntax(job, syntax)
        document.update(verdict="SYNTAX_ERROR", error=error, score=0, message=text)
        document["tests"] = [_test_entry(definition, "skipped", message("skipped-syntax"), None, None)
                             for definition in definitions]
        return
    runner = Runner(job, student)
    started = time.perf_counter()
    outcomes = []
    # Each test's last run's trace (or None) and output, in tests.py's order.
    traces: list[dict | None] = []
    outputs: list[TestOutput | None] = []
    chosen_trace = None
    busiest_trace = None
    retries = int(job.get("retries", 2 if job["clock"] == "wall" else 0))
    out_of_time = False
    for index, definition in enumerate(definitions):
        if out_of_time:
            outcomes.append((_test_entry(definition, "skipped", message("skipped-limit"), None, None), "skipped"))
            traces.append(None)
            outputs.append(None)
            continue
        try:
            for _attempt in range(retries + 1):
                # A retried test shows its last attempt: its output, like its trace.
                student.capture = TestOutput()
                entry, kind, context = _run_test(definition, runner, job)
                if entry["status"] == "passed" or entry.get("misconception") not in ("timing", "sequential"):
                    break
        except HostGone:
            # The student's side was ended from inside: every test is listed
            # (as tampering, apply_tampering marks them all).
            document["tests"] = [entry for entry, _ in outcomes] + [
                _test_entry(rest, "failed", message("tampering-test"), None, "tampering") for rest in definitions[index:]]
            raise
        outputs.append(student.capture)
        student.capture = None
        outcomes.append((entry, kind))
        if kind == "wall":
            out_of_time = True
        trace = context.last_run.trace if context.last_run is not None else None
        traces.append(trace)
        # With every test passing, show the busiest run: the one that best
        # shows how the coroutines overlapped.
        if trace is not None and (busiest_trace is None or len(trace["tasks"]) > len(busiest_trace["tasks"])):
            busiest_trace = trace
        if chosen_trace is None and entry["status"] != "passed" and trace is not None:
            chosen_trace = trace
    document["timings"]["testsMs"] = (time.perf_counter() - started) * 1000
    document["tests"] = [entry for entry, _ in outcomes]
    passed_weight = sum(entry["weight"] for entry, _ in outcomes if entry["status"] == "passed")
    document["score"] = round(passed_weight / total_weight, 4)
    kinds = {kind for _, kind in outcomes}
    if "stall" in kinds or "wall" in kinds:
        document["verdict"] = "TIME_LIMIT"
    elif "memory" in kinds:
        document["verdict"] = "MEMORY_LIMIT"
    elif "output" in kinds:
        document["verdict"] = "OUTPUT_LIMIT"
    elif "student-error" in kinds:
        document["verdict"] = "RUNTIME_ERROR"
    elif "failed" in kinds:
        document["verdict"] = "FAILED"
    else:
        document["verdict"] = "PASSED"
    for entry, kind in outcomes:
        if kind in ("stall", "wall", "student-error", "memory", "output") and document["message"] is None:
            document["message"] = entry["message"]
            document["error"] = entry.get("error")
    _attach_runs(document, traces, outputs, chosen_trace or busiest_trace)


def _attach_runs(document: dict, traces: list[dict | None], outputs: list[TestOutput | None],
                 top: dict | None) -> None:
    """Each test's trace and output, and the top-level trace (a copy of one
    test's), within the document's budget (traces.py, output.py)."""
    unique = [trace for trace in traces if trace is not None]
    fitted = fit_traces([(trace, 2 if trace is top else 1) for trace in unique])
    for entry, trace, texts in zip(document["tests"], traces, output_texts(outputs)):
        entry["trace"] = None if trace is None else fitted[id(trace)]
        entry.update(texts)
    document["trace"] = None if top is None else fitted[id(top)]


# ----- tampering ------------------------------------------------------------------------------------

def _tampering_message(reports: list[dict]) -> dict:
    first = reports[0]
    zh_what, en_what = WHAT.get(first["what"], WHAT["protocol"])
    detail = first.get("detail") or ""
    line = first.get("line")
    where_zh = (f"第 {line} 行，{detail}" if line else detail) or "未知位置"
    where_en = (f"line {line}, {detail}" if line else detail) or "somewhere"
    return message("tampering", what=zh_what, what_en=en_what, where=where_zh, where_en=where_en)


def apply_tampering(document: dict, reports: list[dict]) -> None:
    """A run the grader cannot trust scores nothing: FAILED (RUNTIME_ERROR in
    run mode), every test failed as ``tampering``, and the reports kept for
    the teacher."""
    if not reports:
        return
    unique = []
    for report in reports:
        if report not in unique:
            unique.append(report)
    document["tampering"] = unique[:50]
    text = _tampering_message(unique)
    document["message"] = text
    line = unique[0].get("line")
    # The report's line is the student's process's word: a line of the submission, or none.
    document["error"] = _error("tampering", text, line if type(line) is int and line >= 1 else None)
    if document["mode"] == "grade":
        document["verdict"] = "FAILED"
        document["score"] = 0
        for entry in document["tests"]:
            entry["status"] = "failed"
            entry["message"] = message("tampering-test")
            entry["misconception"] = "tampering"
    else:
        document["verdict"] = "RUNTIME_ERROR"


# ----- the process ---------------------------------------------------------------------------------

def judge(job: dict, control, sandboxed: bool) -> dict:
    """Grade (or run) the job with the student's host at the other end of ``control``."""
    started = time.perf_counter()
    document = _base_document(job)
    student = None
    try:
        student = StudentSide(control, job, Services(job.get("io")), sandboxed)
        if job["mode"] == "grade":
            grade_mode(job, student, document)
        else:
            run_mode(job, student, document)
        apply_tampering(document, student.tampering)
        document["cpuWork"] = {"threshold": CPU_BLOCKING_UNITS, "quietWork": round(student.quiet_work),
                           "blockingWork": None if student.blocking_work is None else round(student.blocking_work),
                           "unitNs": None if student.unit_seconds is None else round(student.unit_seconds * 1e9, 3)}
    except HostGone as gone:
        # The student's side ended under the judge (its processes were killed
        # from inside): the student's failure, never a pass.
        student.tampering.append({"what": "protocol", "detail": str(gone)[:300], "line": None})
        apply_tampering(document, student.tampering)
        if document["mode"] == "grade" and not document["tests"]:
            document["verdict"], document["score"] = "FAILED", 0
    except BaseException as failure:  # anything else escaping is the grader's fault
        document = _base_document(job)
        document["verdict"] = "GRADER_ERROR"
        document["message"] = bilingual("评测系统内部错误，将自动重试。", "Internal grader error; it will be retried.")
        document["error"] = {"type": type(failure).__name__, "message": str(failure)[:4000], "line": None,
                             "traceback": "".join(traceback.format_exception(failure))[-16000:]}
    finally:
        if student is not None:
            student.close()
        else:
            control.close()
    document["timings"]["totalMs"] = (time.perf_counter() - started) * 1000
    document["timings"] = {key: round(value, 1) for key, value in document["timings"].items()}
    return document


def write_result(document: dict, fd: int = RESULT_CHANNEL_FD) -> None:
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str).encode()
    data = memoryview(f"AWAITABLE-RESULT {RESULT_VERSION} {len(body)}\n".encode() + body + b"\n")
    while data:
        written = os.write(fd, data)
        data = data[written:]


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def read_job(fd: int = 0, start: bytes = b"") -> dict:
    """The job on ``fd`` (after ``start``, what was read of it already)."""
    return json.loads(start + _read_all(fd))


def read_request(fd: int = 0) -> tuple[dict, bytes]:
    """An armed grading's standard input starts with the sandbox's request,
    on one line: it, and what was read of the job after it."""
    pending = b""
    while b"\n" not in pending:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise EOFError("the request ended early")
        pending += chunk
    request, _, rest = pending.partition(b"\n")
    return json.loads(request), rest
