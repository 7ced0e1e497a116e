"""The harness process: read the job, run or grade, report through the
private result channel. See grader/CONTRACT.md."""

from __future__ import annotations

import _thread
import gc
import importlib.util
import io
import json
import os
import resource
import signal
import sys

from . import fakeio, processes, program, testing, threads
from .clock import REAL_PERF_COUNTER, Stall, scheduler
from .loop import install_loop
from .messages import message, seconds
from .program import StudentError, Submission, settings
from .trace import install_trace, recorder

RESULT_VERSION = 1
HARNESS_VERSION = "1.0.0"
RESULT_CHANNEL_FD = 3
# Exit status when the student's code closed or replaced the result channel.
CHANNEL_LOST_EXIT = 71


def lower_limit(kind: int, soft: int, hard: int) -> None:
    """Set a resource limit no higher than the one the sandbox already set
    (an unprivileged process may lower its hard limits, never raise them)."""
    _, current_hard = resource.getrlimit(kind)
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
        soft = min(soft, hard)
    resource.setrlimit(kind, (soft, hard))


class Channel:
    """The result pipe, moved off fd 3 and closed on exec before any student
    code runs; the one framed document written to it is the run's result."""

    def __init__(self) -> None:
        self.fd = os.dup(RESULT_CHANNEL_FD)  # dup'ed fds are not inheritable
        os.close(RESULT_CHANNEL_FD)
        details = os.fstat(self.fd)
        self.identity = (details.st_dev, details.st_ino)
        self.nonce = ""
        self.lock = _thread.allocate_lock()
        self.sent = False

    def send(self, document: dict) -> None:
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str).encode()
        header = f"AWAITABLE-RESULT {RESULT_VERSION} {self.nonce} {len(body)}\n".encode()
        data = header + body + b"\n"
        view = memoryview(data)
        try:
            # The student may have closed the channel, or put another file
            # in its place: then there is no way to report, and the runner
            # is told so by the exit status alone.
            details = os.fstat(self.fd)
            if (details.st_dev, details.st_ino) != self.identity:
                raise OSError("the result channel was replaced")
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
            os.close(self.fd)
        except OSError:
            os._exit(CHANNEL_LOST_EXIT)


class Tee(io.TextIOBase):
    """sys.stdout/sys.stderr: passes text through and records it, with its
    virtual time, for the trace; stops the run at the output limit."""

    def __init__(self, inner, stream: str, harness: "Harness") -> None:
        self._inner = inner
        self._stream = stream
        self._harness = harness

    def write(self, text: str) -> int:
        written = self._inner.write(text)
        recorder.output(self._stream, text)
        self._harness.count_output(len(text.encode("utf-8", "replace")))
        return written

    def flush(self) -> None:
        self._inner.flush()

    def fileno(self) -> int:
        return self._inner.fileno()

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    @property
    def encoding(self):
        return self._inner.encoding

    @property
    def buffer(self):
        return self._inner.buffer

    def __getattr__(self, name):
        return getattr(self._inner, name)


class Harness:
    def __init__(self) -> None:
        self.started = REAL_PERF_COUNTER()
        self.channel = Channel()
        self.finishing = _thread.allocate_lock()
        self.output_bytes = 0
        self.output_limit = 1 << 20
        self.timings: dict[str, float] = {}
        self.config: dict = {}
        self.mode = "run"
        self.submission: Submission | None = None
        self._real_exit = os._exit
        # The harness's own process; forks of it (process pools) are not the harness.
        self.pid = os.getpid()

    # ----- setup ----------------------------------------------------------

    def read_config(self) -> None:
        line = sys.stdin.buffer.readline()
        self.config = json.loads(line)
        self.channel.nonce = str(self.config["nonce"])
        # The student's program sees an empty standard input.
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        sys.stdin = open(0, encoding="utf-8", closefd=False)

    def apply_limits(self) -> None:
        limits = self.config.get("limits", {})
        memory = int(limits.get("memoryMb", 1024)) * 1024 * 1024
        cpu = int(limits.get("cpuSeconds", 10))
        self.output_limit = int(limits.get("outputBytes", 1 << 20))
        # Address space, not memory: every thread reserves far more than it
        # uses (stack, malloc arena), so this is generous; it turns one huge
        # allocation into a MemoryError. The sandbox's cgroup caps the memory
        # all processes of the run really use.
        address_space = memory * 4 + (1 << 30)
        lower_limit(resource.RLIMIT_AS, address_space, address_space)
        lower_limit(resource.RLIMIT_CPU, cpu, cpu + 2)
        lower_limit(resource.RLIMIT_CORE, 0, 0)
        signal.signal(signal.SIGXCPU, lambda *_: self.finish_early(
            "TIME_LIMIT", message("cpu-limit", limit=cpu), "cpu"))
        # Python ignores SIGXFSZ (a write past RLIMIT_FSIZE would only raise),
        # and in the sandbox the harness is pid 1, for which an unhandled
        # signal is dropped: exit on it, so the runner reports the file-size limit.
        signal.signal(signal.SIGXFSZ, lambda *_: self._real_exit(128 + signal.SIGXFSZ))
        settings.virtual_limit = float(limits.get("virtualSeconds", 300))

    def install(self) -> None:
        settings.clock = self.config.get("clock", "virtual")
        settings.cpu = self.config.get("cpu", "free")
        scheduler.virtual = settings.clock == "virtual"
        install_loop()
        if scheduler.virtual:
            threads.install_time()
            threads.install_threading()
            threads.install_executors()
        else:
            # Blocking sleeps are still recorded on the wall clock.
            import time
            time.sleep = threads.sleep
        install_trace()
        # Programs that use random (the seeds' queue example) are reproducible.
        import random
        random.seed(0)
        fakeio.configure(self.config.get("io"))
        fakeio.install()
        scheduler.register_main()
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace", line_buffering=True)
        sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace", line_buffering=True)
        sys.stdout = Tee(sys.stdout, "stdout", self)
        sys.stderr = Tee(sys.stderr, "stderr", self)
        # What process-pool jobs print in their children is replayed here.
        processes.streams.update(stdout=sys.stdout, stderr=sys.stderr)
        sys.argv = [self.config.get("submissionName", "submission.py")]
        self._patch_exit()

    def _patch_exit(self) -> None:
        original_exit = os._exit

        def exit_now(code):
            # A forked child (a process pool's worker, the student's own fork)
            # ends as it asked: only the harness's own process reports.
            if os.getpid() != self.pid:
                original_exit(code)
            # The student's os._exit must not skip the report.
            self.finish_early("RUNTIME_ERROR", {
                "zh": f"程序调用了 os._exit({code})，提前结束了进程。",
                "en": f"The program called os._exit({code}) and ended the process early.",
            }, "exit")
            original_exit(code)

        os._exit = exit_now
        self._real_exit = original_exit

    def count_output(self, size: int) -> None:
        self.output_bytes += size
        if self.output_bytes > self.output_limit:
            self.finish_early("OUTPUT_LIMIT", message("output-limit", limit=self.output_limit), "output")

    # ----- reporting ----------------------------------------------------------

    def base_document(self) -> dict:
        exercise = self.config.get("exercise") or None
        return {
            "version": RESULT_VERSION,
            "mode": self.mode,
            "verdict": "GRADER_ERROR",
            "score": None,
            "message": None,
            "clock": settings.clock,
            "cpu": settings.cpu,
            "elapsed": None,
            "exercise": {"id": exercise["id"], "slug": exercise["slug"]} if exercise else None,
            "tests": [],
            "error": None,
            "trace": None,
            "python": ".".join(map(str, sys.version_info[:3])),
            "harness": HARNESS_VERSION,
            "timings": {},
        }

    def finish(self, document: dict) -> None:
        if os.getpid() != self.pid:
            # A forked child never writes the result: it just ends.
            self._real_exit(0 if document.get("verdict") == "PASSED" else 1)
        if not self.finishing.acquire(blocking=False):
            # Another thread is already reporting; let it.
            while True:
                signal.pause()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        self.timings["totalMs"] = (REAL_PERF_COUNTER() - self.started) * 1000
        document["timings"] = {key: round(value, 1) for key, value in self.timings.items()}
        self.channel.send(document)
        self._real_exit(0)

    def finish_early(self, verdict: str, text: dict, reason: str) -> None:
        document = self.base_document()
        document["verdict"] = verdict
        document["message"] = text
        document["error"] = {"type": reason, "message": text["en"], "line": None, "traceback": ""}
        document["elapsed"] = round(recorder.now(), 6)
        if self.mode == "grade":
            document["score"] = 0
        try:
            document["trace"] = recorder.as_json()
        except Exception:
            document["trace"] = None
        self.finish(document)

    # ----- modes ------------------------------------------------------------------

    def load_submission(self) -> dict | None:
        """Compile the submission; a syntax error document if it does not."""
        self.submission = Submission(self.config["submissionPath"],
                                     self.config.get("submissionName", "submission.py"))
        try:
            self.submission.compile()
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None)
            text = getattr(error, "msg", str(error))
            sys.stderr.write("".join(__import__("traceback").format_exception_only(type(error), error)))
            return {"type": type(error).__name__, "message": text, "line": line,
                    "traceback": "".join(__import__("traceback").format_exception_only(type(error), error))}
        return None

    def run_mode(self) -> dict:
        document = self.base_document()
        syntax = self.load_submission()
        self.timings["loadMs"] = (REAL_PERF_COUNTER() - self.started) * 1000
        if syntax is not None:
            document["verdict"] = "SYNTAX_ERROR"
            document["error"] = syntax
            document["message"] = message("syntax-error", line=syntax["line"], error=syntax["message"])
            document["elapsed"] = 0
            return document
        run = program.execute(self.submission, "__main__")
        self.timings["runMs"] = run.real_ms
        document["elapsed"] = round(run.elapsed, 6)
        document["trace"] = run.trace
        if run.stall is not None:
            document["verdict"] = "TIME_LIMIT"
            document["message"] = _stall_message(run.stall, run.elapsed)
            document["error"] = {"type": run.stall, "message": document["message"]["en"], "line": None,
                                 "traceback": ""}
        elif run.exception is not None:
            error = program.describe_error(run.exception, self.submission.name)
            sys.stderr.write(error["traceback"])
            document["error"] = error
            if isinstance(run.exception, MemoryError):
                document["verdict"] = "MEMORY_LIMIT"
                document["message"] = message("memory-limit")
            else:
                document["verdict"] = "RUNTIME_ERROR"
                document["message"] = message("runtime-error", error=error["message"])
        elif run.exit_code not in (None, 0):
            if isinstance(run.exit_code, str):
                sys.stderr.write(run.exit_code + "\n")
            document["verdict"] = "RUNTIME_ERROR"
            document["message"] = message("exit-called", code=repr(run.exit_code))
        else:
            document["verdict"] = "PASSED"
            document["message"] = message("passed-run", elapsed=seconds(run.elapsed), clock=settings.clock)
        return document

    def grade_mode(self) -> dict:
        document = self.base_document()
        exercise = self.config["exercise"]
        tests_path = exercise["testsPath"]
        testing.registry.clear()
        sys.path.insert(0, os.path.dirname(tests_path))
        specification = importlib.util.spec_from_file_location("exercise_tests", tests_path)
        assert specification is not None and specification.loader is not None
        module = importlib.util.module_from_spec(specification)
        specification.loader.exec_module(module)
        definitions = list(testing.registry)
        syntax = self.load_submission()
        self.timings["loadMs"] = (REAL_PERF_COUNTER() - self.started) * 1000
        total_weight = sum(definition.weight for definition in definitions) or 1.0
        if syntax is not None:
            document["verdict"] = "SYNTAX_ERROR"
            document["error"] = syntax
            document["message"] = message("syntax-error", line=syntax["line"], error=syntax["message"])
            document["score"] = 0
            document["tests"] = [_test_entry(definition, "skipped", message("skipped-syntax"), None, None)
                                 for definition in definitions]
            return document
        started = REAL_PERF_COUNTER()
        outcomes = []
        chosen_trace = None
        busiest_trace = None
        retries = int(self.config.get("retries", 2 if settings.clock == "wall" else 0))
        for definition in definitions:
            for attempt in range(retries + 1):
                entry, kind, context = self.run_test(definition)
                if entry["status"] == "passed" or entry.get("misconception") not in ("timing", "sequential"):
                    break
            outcomes.append((entry, kind))
            trace = context.last_run.trace if context.last_run is not None else None
            # With every test passing, show the busiest run: the one that
            # best shows how the coroutines overlapped.
            if trace is not None and (busiest_trace is None or len(trace["tasks"]) > len(busiest_trace["tasks"])):
                busiest_trace = trace
            if chosen_trace is None and entry["status"] != "passed" and trace is not None:
                chosen_trace = trace
        self.timings["testsMs"] = (REAL_PERF_COUNTER() - started) * 1000
        document["tests"] = [entry for entry, _ in outcomes]
        passed_weight = sum(entry["weight"] for entry, _ in outcomes if entry["status"] == "passed")
        document["score"] = round(passed_weight / total_weight, 4)
        kinds = {kind for _, kind in outcomes}
        if "stall" in kinds:
            document["verdict"] = "TIME_LIMIT"
        elif "memory" in kinds:
            document["verdict"] = "MEMORY_LIMIT"
        elif "student-error" in kinds:
            document["verdict"] = "RUNTIME_ERROR"
        elif "failed" in kinds:
            document["verdict"] = "FAILED"
        else:
            document["verdict"] = "PASSED"
        for entry, kind in outcomes:
            if kind in ("stall", "student-error", "memory") and document["message"] is None:
                document["message"] = entry["message"]
                document["error"] = entry.get("error")
        document["trace"] = chosen_trace or busiest_trace
        return document

    def run_test(self, definition: testing.TestDefinition):
        context = testing.TestContext(self.submission)
        kind = "passed"
        error = None
        try:
            definition.function(context)
            entry = _test_entry(definition, "passed", None, context.measured, None)
        except testing.Failure as failure:
            kind = "failed"
            entry = _test_entry(definition, "failed", failure.text, context.measured, failure.misconception)
        except Stall as stall:
            kind = "stall"
            entry = _test_entry(definition, "error", _stall_message(stall.reason, context.measured or 0),
                                context.measured, stall.reason)
        except StudentError as student_error:
            error = program.describe_error(student_error.error, self.submission.name)
            if isinstance(student_error.error, MemoryError):
                kind = "memory"
                entry = _test_entry(definition, "error", message("memory-limit"), context.measured, "memory")
            else:
                kind = "student-error"
                entry = _test_entry(definition, "error", message("student-exception", error=error["message"]),
                                    context.measured, "exception")
        except Exception as grader_bug:  # an exercise's tests.py is broken: ours, not the student's
            raise RuntimeError(f"test {definition.id} raised {grader_bug!r}") from grader_bug
        if error is not None:
            entry["error"] = error
        return entry, kind, context


def _test_entry(definition, status: str, text: dict | None, measured: float | None,
                misconception: str | None) -> dict:
    return {
        "id": definition.id,
        "name": {"zh": definition.zh, "en": definition.en},
        "status": status,
        "weight": definition.weight,
        "message": text,
        "misconception": misconception,
        "duration": None if measured is None else round(measured, 6),
    }


def _stall_message(reason: str, now: float) -> dict:
    if reason == "virtual-time-limit":
        return message("virtual-time-limit", limit=seconds(settings.virtual_limit))
    if reason == "busy-wait":
        return message("busy-wait")
    return message("deadlock", now=seconds(now))


def main() -> None:
    harness = Harness()
    try:
        harness.read_config()
        harness.mode = harness.config.get("mode", "run")
        harness.apply_limits()
        harness.install()
        harness.timings["setupMs"] = (REAL_PERF_COUNTER() - harness.started) * 1000
        document = harness.grade_mode() if harness.mode == "grade" else harness.run_mode()
    except BaseException as failure:  # anything escaping here is the grader's fault
        import traceback
        document = harness.base_document()
        document["verdict"] = "GRADER_ERROR"
        document["message"] = {"zh": "评测系统内部错误，将自动重试。", "en": "Internal grader error; it will be retried."}
        document["error"] = {"type": type(failure).__name__, "message": str(failure), "line": None,
                             "traceback": "".join(traceback.format_exception(failure))}
    gc.collect()
    harness.finish(document)
