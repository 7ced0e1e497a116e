"""The student's side of a grading, as the judge drives it.

The judge asks the student's host (runtime/host.py) for a student process,
gives it its key and the submission (hello), and then, run after run, sends a
command and reads the process's messages until the run's end: it grants each
advance of the clock, serves each request, reads the output pipes, watches
for a deadlock when the process says it is idle, and ends a run itself
(killing the process) when a limit is reached or the process's messages stop
making sense. A process that ends a run in a clean state (one thread, no
children) serves the next run; any other is replaced.
"""

from __future__ import annotations

import hmac
import json
import os
import selectors
import signal
import socket
import time

from .. import protocol
from ..runtime import calibration
from ..contract import DEADLOCK_GRACE_SECONDS, PROTOCOL_VERSION
from .observation import Inconsistent, Observation
from .output import TestOutput

IDLE_TICK_SECONDS = 0.03
READ_CHUNK = 1 << 16


class StudentError(Exception):
    """The student's host is gone: the run cannot go on (its own doing)."""


class GraderFault(Exception):
    """Ours: the student's side could not be set up."""


class PhaseEnd:
    """How one phase (the module's execution, or the call) of a run ended."""

    def __init__(self, kind: str, observation: Observation) -> None:
        # returned | raised | exit | stall | crashed
        self.kind = kind
        self.observation = observation
        self.value = None
        self.error: dict | None = None
        self.exit = None
        self.memory = False
        self.stall: str | None = None
        self.inventory: dict | None = None
        self.how = ""  # crashed: how the process ended


class Process:
    """One student process, seen from the judge."""

    def __init__(self, pid: int, proc_pid: int, channel: socket.socket, stdout: int, stderr: int, key: bytes) -> None:
        # Its pid as the host sees it (in the student's own pid namespace), and in the judge's /proc.
        self.pid = pid
        self.proc_pid = proc_pid
        self.channel = channel
        self.stdout = stdout
        self.stderr = stderr
        self.sign = protocol.signer(key)
        self.sequence = 0
        self.reader = protocol.Reader(authenticated=True)
        self.frames: list[dict] = []
        self.exited: dict | None = None
        self.closed = False
        self.ready: dict | None = None

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            for fd in (self.stdout, self.stderr):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.channel.close()


def student_config(job: dict) -> dict:
    """What the student's side is told of the job: how to run the code (never the tests)."""
    return {key: job[key] for key in ("clock", "cpu", "limits", "io")}


def prepare_host(control: socket.socket, job: dict) -> None:
    """Times the CPU unit (runtime/calibration.py: the machine's speed, now,
    measured on the judge's side) and asks the student's host to set up the
    runtime for this job with it (runtime/core.py, prepare_host), which it
    does while the judge sets itself up. The unit goes in the job, for the
    result's cpuWork."""
    exercise = job.get("exercise") or {}
    control.send(json.dumps({"k": "prepare", "config": student_config(job),
                             "scenarios": exercise.get("scenarios")}).encode())
    # Timed while the host installs the runtime.
    unit = calibration.measure() * float(job.get("calibrationScale") or 1)
    job["unitSeconds"] = unit
    control.send(json.dumps({"k": "unit", "unit": unit}).encode())


class StudentSide:
    def __init__(self, control: socket.socket, job: dict, services, sandboxed: bool) -> None:
        self.control = control
        self.job = job
        self.services = services
        self.sandboxed = sandboxed
        self.process: Process | None = None
        # The first student process, asked for (start()) and not yet ready.
        self._starting: Process | None = None
        self.started = time.monotonic()
        self.wall_budget = float(job["limits"]["wallSeconds"]) - 0.5
        self.output_limit = int(job["limits"]["outputKb"]) * 1024
        self.output_total = 0
        self.tampering: list[dict] = []
        self.host_messages: list[dict] = []
        # Over every run: the most CPU work of a step below the blocking
        # threshold, the least of a step above it (calibrated units).
        self.quiet_work = 0.0
        self.blocking_work: float | None = None
        # CPU seconds of one unit (prepare_host).
        self.unit_seconds: float | None = job.get("unitSeconds")
        # Everything the student's processes wrote, for the result's stdout/stderr.
        self.forward = {"stdout": 1, "stderr": 2}
        # The output of the test being run (judge/output.py): what is forwarded, as it is.
        self.capture: TestOutput | None = None
        self._wait_for_host()

    def _wait_for_host(self) -> None:
        """The host reports that its sandbox is set up (or why it is not: ours)."""
        self.control.settimeout(10)
        try:
            data = self.control.recv(65536)
            reply = json.loads(data) if data else {"k": "ended"}
        except (socket.timeout, OSError, ValueError) as problem:
            raise GraderFault(f"the student's host did not start: {problem}") from problem
        finally:
            self.control.settimeout(None)
        if reply.get("k") != "up":
            raise GraderFault(f"the student's host could not be set up: {reply.get('reason', reply)}")

    # ----- the host -----------------------------------------------------------------

    def _host_request(self, message: dict, fds=()) -> dict:
        socket.send_fds(self.control, [json.dumps(message).encode()], list(fds))
        expected = {"spawn": "spawned", "clean": "cleaned"}[message["k"]]
        while True:
            reply = self._host_message(blocking=True)
            if reply.get("k") == expected:
                return reply
            if reply.get("k") == "prepare-failed":
                raise GraderFault(f"the student's host could not prepare the runtime: {reply.get('reason')}")
            if reply.get("k") != "prepared":
                self.host_messages.append(reply)

    def _host_message(self, blocking: bool) -> dict:
        self.control.setblocking(blocking)
        try:
            data = self.control.recv(65536)
        finally:
            self.control.setblocking(True)
        if not data:
            raise StudentError("the student's host ended")
        return json.loads(data)

    def _remaining(self) -> float:
        return self.wall_budget - (time.monotonic() - self.started)

    def start(self) -> None:
        """Asks for the first student process now: it compiles the submission
        while the judge loads the tests (the first run, or syntax(), waits
        until it is ready)."""
        if self.process is None and self._starting is None:
            self._starting = self._begin_spawn()

    def _current(self) -> Process:
        if self.process is not None:
            return self.process
        starting, self._starting = self._starting, None
        return self._finish_spawn(starting) if starting is not None else self.spawn()

    def spawn(self) -> Process:
        return self._finish_spawn(self._begin_spawn())

    def _begin_spawn(self) -> Process:
        judge_end, student_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        reply = self._host_request({"k": "spawn"}, [student_end.fileno(), out_write, err_write])
        student_end.close()
        os.close(out_write)
        os.close(err_write)
        key = os.urandom(32)
        pid = int(reply["pid"])
        process = Process(pid, self._proc_pid(pid), judge_end, out_read, err_read, key)
        for fd in (out_read, err_read):
            os.set_blocking(fd, False)
        config = student_config(self.job)
        hello = {"k": "hello", "protocol": PROTOCOL_VERSION, "key": key.hex(), "config": config,
                 "submission": self.job["submission"]}
        protocol.write_all(judge_end.fileno(), protocol.encode_command(hello))
        return process

    def _finish_spawn(self, process: Process) -> Process:
        self.process = process
        observation = Observation(virtual=self.job["clock"] == "virtual", limit=0, services=self.services)
        end = self._drive(process, observation, expect="ready")
        if end.kind != "ready":
            # No code of the student's runs before the process is ready: ours.
            stderr = observation.stderr.decode("utf-8", "replace")[-2000:]
            raise GraderFault(f"the student's process did not start ({end.kind} {end.how}): {stderr}")
        return process

    def _proc_pid(self, pid: int) -> int:
        """The judge's pid of the host's child ``pid``: the host is pid 1 of a
        namespace nested in the judge's, so the same process has another
        number here (its status's NSpid lists both)."""
        if not self.sandboxed:
            return pid
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/status", "rb") as file:
                    status = file.read()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith(b"NSpid:"):
                    numbers = line.split()[1:]
                    if len(numbers) >= 2 and int(numbers[-1]) == pid and int(numbers[-2]) == int(entry):
                        return int(entry)
        raise GraderFault(f"the student's process {pid} is not in the judge's /proc")

    def clean(self) -> None:
        """Every student process killed (and the namespace left to the host)."""
        self._drop_starting()
        if self.process is not None:
            self.process.close()
            self.process = None
        self._host_request({"k": "clean"})

    def _drop_starting(self) -> None:
        if self._starting is not None:
            self._starting.close()
            self._starting = None

    def close(self) -> None:
        self._drop_starting()
        if self.process is not None:
            try:
                protocol.write_all(self.process.channel.fileno(), protocol.encode_command({"k": "exit"}))
            except OSError:
                pass
            self.process.close()
            self.process = None
        try:
            self.control.close()
        except OSError:
            pass

    # ----- runs -------------------------------------------------------------------------

    def syntax(self) -> dict | None:
        """The submission's syntax error (the first process compiles it)."""
        process = self._current()
        return (process.ready or {}).get("syntax")

    def run(self, target: dict) -> list[PhaseEnd]:
        """One run: the module's phase, then (for a call or a scenario) the call's."""
        if self._remaining() <= 0:
            return [self._wall_limit(Observation(virtual=True, limit=0, services=self.services))]
        process = self._current()
        protocol.write_all(process.channel.fileno(), protocol.encode_command({"k": "run", "target": target}))
        phases = []
        expect = ["module"] + (["call"] if target["kind"] in ("call", "scenario") else [])
        for phase in expect:
            self.services.reset()
            observation = Observation(virtual=self.job["clock"] == "virtual",
                                      limit=float(self.job["limits"]["virtualSeconds"]), services=self.services)
            if phase == "call":
                # Every byte of the module's output has been read: the call may begin.
                self._reply(process, {"k": "continue"})
            end = self._drive(process, observation, expect=phase)
            phases.append(end)
            if end.kind != "returned":
                break
        if self.process is not None and (phases[-1].kind in ("stall", "crashed") or self._dirty(self.process)):
            self.clean()
        return phases

    def _dirty(self, process: Process) -> bool:
        """Threads or processes left by the run: the next run gets a fresh process."""
        try:
            threads = os.listdir(f"/proc/{process.proc_pid}/task")
        except OSError as problem:
            return self._debug_dirty(f"no task list: {problem}")
        if len(threads) > 1:
            return self._debug_dirty(f"threads {threads}")
        if self.sandboxed:
            own = {os.getpid(), process.proc_pid}
            for entry in os.listdir("/proc"):
                if entry.isdigit() and int(entry) not in own and self._is_student(int(entry)):
                    return self._debug_dirty(f"process {entry}")
        return False

    def _debug_dirty(self, reason: str) -> bool:
        if self.job.get("debug"):
            os.write(2, f"judge: dirty: {reason}\n".encode())
        return True

    def _is_student(self, pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat", "rb") as file:
                fields = file.read().rsplit(b")", 1)[1].split()
        except OSError:
            return False
        # The host (the student's pid 1) has the judge as parent; runs and
        # what they started do not.
        return int(fields[1]) != os.getpid()

    # ----- the message loop -----------------------------------------------------------------

    def _wall_limit(self, observation: Observation) -> PhaseEnd:
        end = PhaseEnd("stall", observation)
        end.stall = "wall-time-limit"
        observation.close()
        return end

    def _student_progress(self, process: Process) -> int:
        """Nanoseconds the student's threads ran or waited for a CPU: a
        number that stays still only while every one of them is blocked."""
        total = 0
        pids = [process.proc_pid]
        if self.sandboxed:
            pids = [int(entry) for entry in os.listdir("/proc") if entry.isdigit() and int(entry) != os.getpid()]
        for pid in pids:
            try:
                tasks = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tasks:
                try:
                    with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as file:
                        fields = file.read().split()
                    total += int(fields[0]) + int(fields[1])
                except (OSError, ValueError, IndexError):
                    continue
        return total

    def _drain(self, process: Process, observation: Observation) -> bool:
        """Read what the process wrote; False when past the output limit."""
        for stream, fd in (("stdout", process.stdout), ("stderr", process.stderr)):
            while True:
                try:
                    data = os.read(fd, READ_CHUNK)
                except BlockingIOError:
                    break
                except OSError:
                    break
                if not data:
                    break
                self.output_total += len(data)
                observation.output(stream, data)
                if self.output_total <= self.output_limit:
                    protocol.write_all(self.forward[stream], data)
                    if self.capture is not None:
                        self.capture.add(stream, data)
                if self.output_total > self.output_limit:
                    return False
        return True

    def _frame(self, process: Process, tag: bytes, payload: bytes) -> dict:
        expected = process.sign(process.sequence, payload)
        process.sequence += 1
        if not hmac.compare_digest(tag, expected):
            raise Inconsistent("a message on the grader's channel that the runtime did not write")
        message = json.loads(payload)
        if not isinstance(message, dict) or not isinstance(message.get("k"), str):
            raise Inconsistent("a message without a kind")
        return message

    def _reply(self, process: Process, message: dict) -> None:
        protocol.write_all(process.channel.fileno(), protocol.encode_command(message))

    def _drive(self, process: Process, observation: Observation, expect: str) -> PhaseEnd:
        selector = selectors.DefaultSelector()
        selector.register(process.channel, selectors.EVENT_READ, "channel")
        for fd in (process.stdout, process.stderr):
            selector.register(fd, selectors.EVENT_READ, "output")
        selector.register(self.control, selectors.EVENT_READ, "host")
        idle_since = None
        progress = None
        phase_started = time.monotonic()
        try:
            while True:
                if not observation.virtual:
                    observation.now = time.monotonic() - phase_started
                remaining = self._remaining()
                if remaining <= 0:
                    self._drain(process, observation)
                    return self._kill(self._wall_limit(observation))
                timeout = remaining if idle_since is None else min(remaining, IDLE_TICK_SECONDS)
                # A frame already read (with the previous phase's end) is handled first.
                ready = [] if process.reader.has_frame() else selector.select(timeout)
                if not observation.virtual:
                    # Wall clock: what arrived was sent by now (the bound on the process's own readings).
                    observation.now = time.monotonic() - phase_started
                if not ready and process.reader.has_frame():
                    ready = [(selectors.SelectorKey(process.channel, process.channel.fileno(), selectors.EVENT_READ,
                                                    "buffered"), selectors.EVENT_READ)]
                if not ready and idle_since is not None:
                    current = self._student_progress(process)
                    if current != progress:
                        progress = current
                        idle_since = time.monotonic()
                    elif time.monotonic() - idle_since >= DEADLOCK_GRACE_SECONDS:
                        self._drain(process, observation)
                        end = PhaseEnd("stall", observation)
                        end.stall = "deadlock"
                        observation.close()
                        return self._kill(end)
                    continue
                kinds = {key.data for key, _events in ready}
                if "buffered" in kinds:
                    kinds = {"channel"}
                    buffered = True
                else:
                    buffered = False
                if "output" in kinds or "channel" in kinds:
                    if not self._drain(process, observation):
                        end = PhaseEnd("stall", observation)
                        end.stall = "output-limit"
                        observation.close()
                        return self._kill(end)
                if "host" in kinds:
                    message = self._host_message(blocking=False)
                    if message.get("k") == "exited" and message.get("pid") == process.pid:
                        process.exited = message
                if "channel" in kinds:
                    if not buffered:
                        try:
                            data = process.channel.recv(READ_CHUNK)
                        except OSError:
                            data = b""
                        if not data:
                            return self._crashed(process, observation)
                    try:
                        if not buffered:
                            process.reader.feed(data)
                        # Frames left over belong to the next phase: they stay in the
                        # reader, which the next _drive reads first.
                        while True:
                            frame = process.reader.next()
                            if frame is None:
                                break
                            message = self._frame(process, *frame)
                            end = self._handle(process, observation, message, expect)
                            if end is not None:
                                return end
                            if message["k"] == "idle":
                                idle_since = time.monotonic()
                                progress = self._student_progress(process)
                            elif idle_since is not None:
                                idle_since = None
                    except (Inconsistent, protocol.FrameError, ValueError) as problem:
                        self._drain(process, observation)
                        observation.tampering.append({"what": "protocol", "detail": str(problem)[:300],
                                                      "line": None})
                        self.tampering.append(observation.tampering[-1])
                        end = PhaseEnd("crashed", observation)
                        end.how = "tampering"
                        observation.close()
                        return self._kill(end)
                elif process.exited is not None:
                    return self._crashed(process, observation)
        finally:
            selector.close()

    def _handle(self, process: Process, observation: Observation, message: dict, expect: str) -> PhaseEnd | None:
        kind = message["k"]
        if self.job.get("debug"):
            os.write(2, f"judge: {time.monotonic() - self.started:.4f} {kind} {json.dumps(message)[:300]}\n".encode())
        if kind == "tamper":
            entry = {"what": str(message.get("what", ""))[:40], "detail": str(message.get("detail", ""))[:300],
                     "line": message.get("line") if type(message.get("line")) is int else None}
            observation.tampering.append(entry)
            self.tampering.append(entry)
            return None
        observation.apply(message.get("e", []))
        if kind == "advance":
            deadline = message.get("d")
            if isinstance(deadline, (int, float)) and deadline > observation.limit:
                end = PhaseEnd("stall", observation)
                end.stall = "virtual-time-limit"
                observation.close()
                return self._kill(end)
            now = observation.advance(deadline, message.get("r"))
            self._reply(process, {"k": "grant", "now": now})
        elif kind == "charge":
            now = observation.charge(message.get("s"))
            if now > observation.limit:
                end = PhaseEnd("stall", observation)
                end.stall = "virtual-time-limit"
                observation.close()
                return self._kill(end)
            self._reply(process, {"k": "grant", "now": now})
        elif kind == "io":
            self._reply(process, {"k": "io", "io": observation.serve(message.get("io"))})
        elif kind in ("idle", "busy", "events"):
            pass
        elif kind == "stall":
            end = PhaseEnd("stall", observation)
            reason = message.get("reason")
            end.stall = reason if reason in ("deadlock", "virtual-time-limit", "busy-wait") else "deadlock"
            observation.close()
            return self._kill(end)
        elif kind == "ready":
            if expect != "ready":
                raise Inconsistent("a second hello")
            process.ready = message
            end = PhaseEnd("ready", observation)
            return end
        elif kind == "end":
            if message.get("phase") != expect:
                raise Inconsistent(f"the end of a {message.get('phase')} phase during the {expect} phase")
            self._drain(process, observation)
            observation.close()
            outcome = message.get("outcome")
            if outcome not in ("returned", "raised", "exit", "stall"):
                raise Inconsistent("an end without an outcome")
            end = PhaseEnd(outcome, observation)
            end.value = message.get("value")
            end.error = message.get("error") if isinstance(message.get("error"), dict) else None
            end.exit = message.get("exit")
            end.memory = message.get("memory") is True
            stall = message.get("stall")
            end.stall = stall if stall in ("deadlock", "virtual-time-limit", "busy-wait") else None
            if outcome == "stall" and end.stall is None:
                raise Inconsistent("a stall of no known kind")
            observation.cpu_margins(message.get("quietWork"), message.get("blockingWork"))
            self._margins(observation)
            inventory = message.get("inventory")
            end.inventory = inventory if isinstance(inventory, dict) else None
            if outcome == "stall":
                return self._kill(end)
            return end
        else:
            raise Inconsistent(f"a message of an unknown kind ({kind[:40]})")
        return None

    def _margins(self, observation: Observation) -> None:
        self.quiet_work = max(self.quiet_work, observation.quiet_work)
        if observation.blocking_work is not None:
            self.blocking_work = observation.blocking_work if self.blocking_work is None \
                else min(self.blocking_work, observation.blocking_work)

    def _kill(self, end: PhaseEnd) -> PhaseEnd:
        self.clean()
        return end

    def _crashed(self, process: Process, observation: Observation) -> PhaseEnd:
        """The channel closed without an end: how did the process end?"""
        self._drain(process, observation)
        deadline = time.monotonic() + 2.0
        while process.exited is None and time.monotonic() < deadline:
            self.control.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data = self.control.recv(65536)
            except (socket.timeout, BlockingIOError):
                continue
            finally:
                self.control.settimeout(None)
            if not data:
                break
            message = json.loads(data)
            if message.get("k") == "exited" and message.get("pid") == process.pid:
                process.exited = message
        observation.close()
        end = PhaseEnd("crashed", observation)
        exited = process.exited or {}
        number = exited.get("signal")
        code = exited.get("exitCode")
        if number is not None:
            try:
                end.how = signal.Signals(number).name
            except ValueError:
                end.how = f"signal {number}"
        elif code is not None:
            end.how = f"exit {code}"
        else:
            end.how = "unknown"
        end.exit = code
        end.value = exited.get("cpuSeconds")
        self.process = None
        process.close()
        self.clean()
        return end
