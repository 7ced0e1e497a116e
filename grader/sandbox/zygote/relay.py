"""The runner: the zygote's forked child that turns a connection into a run.

Root, in the host's pid namespace, inside the slot's cgroups. The caller
sends two lines: the cgroups to join (and, optionally, a grading's
template), which the runner joins at once and answers with an ``a`` frame
(JSON: the pids to spare while it waits; it is *armed*, and the caller may
send this line well before it has a run), then the request. The runner
unshares new mount, pid, network, IPC, UTS and cgroup namespaces, forks the
run's pid 1 (with a template: at once, and pid 1 sets up its root and forks
the student's host before the request comes, which it then reads as the
first line of its standard input), and relays its stdout, stderr and result channel (fd 3) to the
connection as frames: one type byte (a; o, e, c; d: every output of the run
is closed and relayed, so a grading's result is whole; then one of s: the
sandbox could not be set up, f: the runner failed, x: the exit status as
JSON), a 4-byte big-endian length, the data. When the connection closes
early (the grader's wall-time or output limit), it SIGKILLs pid 1, and the
kernel kills everything else in its pid namespace.
"""

from __future__ import annotations

import base64
import json
import os
import selectors
import signal
import socket
import struct

from .syscalls import (
    CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUTS, unshare,
)

MAX_REQUEST_BYTES = 8 * 1024 * 1024


def log(text: str) -> None:
    os.write(2, f"awaitable zygote: {text}\n".encode())


def frame(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack(">I", len(data)) + data


class Lines:
    """The caller's lines: first the cgroups to join (sent ahead of time, so
    that the join, which waits for an RCU grace period, is done before the
    run is asked for), then the request."""

    def __init__(self, connection: socket.socket) -> None:
        uid, _gid = struct.unpack("3i", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[1:]
        if uid != 0:
            raise PermissionError("only root may ask for a run")
        self.connection = connection
        self.pending = bytearray()

    def next(self) -> dict:
        while b"\n" not in self.pending:
            chunk = self.connection.recv(65536)
            if not chunk:
                raise EOFError("the request ended early")
            self.pending += chunk
            if len(self.pending) > MAX_REQUEST_BYTES:
                raise ValueError("the request is too large")
        line, _, rest = bytes(self.pending).partition(b"\n")
        self.pending = bytearray(rest)
        return json.loads(line)


ALL_NAMESPACES = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP
# How long an armed grading's pid 1 may take to fork the student's host.
ARM_TIMEOUT_SECONDS = 5


def runner(connection: socket.socket, become_pid_one):
    """Returns (request, setup_write, armed_write) in pid 1 of the run, which
    must report its setup on setup_write (and, armed, that the student's
    host exists on armed_write); in the runner, never returns."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the runner waits for its pid 1
    armed = False  # pid 1 forked (and the student's host started) before the request
    try:
        lines = Lines(connection)
        first = lines.next()
        for procs in first["cgroupProcs"]:
            with open(procs, "w") as file:
                file.write(str(os.getpid()))
        if first.get("idle"):
            # Until its request comes, what it sets up runs only when its
            # slot's run leaves the CPU to it (its cgroup, which has a CPU
            # controller of its own, competes with the machine as one).
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        template = first.get("grading")
        pids = [os.getpid()]
        if template is not None:
            # A grading's pid 1 and the student's host set up now, from the
            # template (what every grading of this slot shares): the request
            # only completes them.
            armed_read, armed_write = os.pipe()
            # The host's /proc: pid 1 is about to replace the root this
            # process shares with it (same mount namespace) by the run's.
            proc = os.open("/proc", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            pid, pipes, setup_read, setup_write = _fork_pid_one()
            if pid == 0:
                os.close(setup_read)
                os.close(armed_read)
                os.close(proc)
                connection.detach()  # closed with every other fd below, not later by the collector
                return become_pid_one(template, pipes, setup_write, armed_write)
            os.close(armed_write)
            host = _armed_host(armed_read, pid, proc)
            os.close(proc)
            if host is None:
                os.set_blocking(setup_read, False)
                try:
                    said = os.read(setup_read, 4000).decode("utf-8", "replace")
                except OSError:
                    said = ""
                raise RuntimeError(f"the armed grading's pid 1 did not start the student's host: {said}")
            armed = True
            pids += [pid, host]
        # Armed: in the slot's cgroups, waiting for its run.
        connection.sendall(frame(b"a", json.dumps({"pids": pids}).encode()))
        request = lines.next()
        for waiting in pids:  # the runner, and an armed grading's pid 1 and host
            os.sched_setscheduler(waiting, os.SCHED_OTHER, os.sched_param(0))
        if not armed:
            pid, pipes, setup_read, setup_write = _fork_pid_one()
        elif request.get("kind") != "grade":
            raise ValueError("a runner armed for a grading was given another kind of run")
    except BaseException as failure:  # noqa: BLE001
        try:
            connection.sendall(frame(b"s", f"{type(failure).__name__}: {failure}".encode()))
        finally:
            os._exit(1)  # an armed pid 1 dies with the runner (its parent-death signal)
    if pid == 0:
        os.close(setup_read)
        connection.detach()  # closed with every other fd below, not later by the collector
        return become_pid_one(request, pipes, setup_write)
    try:
        # An armed pid 1 reads the request itself, as the first line of its standard input.
        header = b"" if not armed else json.dumps({key: value for key, value in request.items() if key != "stdin"}).encode() + b"\n"
        relay(connection, request, pid, pipes, setup_read, setup_write, header)
    except BaseException as failure:  # noqa: BLE001
        # Pid 1 dies with the runner (its parent-death signal), and its whole
        # pid namespace with it; the zygote reaps what is left.
        reason = f"{type(failure).__name__}: {failure}"
        log(f"runner failed: {reason}")
        try:
            connection.sendall(frame(b"f", reason.encode()))
        except OSError:
            pass
    os._exit(0)


def _fork_pid_one():
    """The run's pipes and setup pipe, new namespaces, and the fork of its
    pid 1: (pid, pipes, setup_read, setup_write), pid 0 in pid 1."""
    pipes = {name: os.pipe() for name in ("stdin", "stdout", "stderr", "channel")}
    setup_read, setup_write = os.pipe()
    unshare(ALL_NAMESPACES)
    return os.fork(), pipes, setup_read, setup_write


def _armed_host(armed_read: int, pid: int, proc: int) -> int | None:
    """The host pid of the student's host that the armed pid 1 ``pid`` forked
    (its only child): pid 1 says when it exists. None if pid 1 failed."""
    readable = selectors.DefaultSelector()
    readable.register(armed_read, selectors.EVENT_READ)
    ready = readable.select(ARM_TIMEOUT_SECONDS)
    readable.close()
    said = os.read(armed_read, 16) if ready else b""
    os.close(armed_read)
    if said != b"a":
        return None
    # Pids are handed out in order: the child is almost always just above its parent.
    candidates = list(range(pid + 1, pid + 64))
    for attempt in range(2):
        for candidate in candidates:
            try:
                stat = os.open(f"{candidate}/stat", os.O_RDONLY, dir_fd=proc)
                try:
                    fields = os.read(stat, 4096).rpartition(b")")[2].split()
                finally:
                    os.close(stat)
            except OSError:
                continue
            if len(fields) > 1 and fields[1] == str(pid).encode():
                return candidate
        candidates = sorted(int(entry) for entry in os.listdir(proc) if entry.isdigit())
    return None


def relay(connection, request, pid, pipes, setup_read, setup_write, header: bytes = b"") -> None:
    for name, (read_end, write_end) in pipes.items():
        os.close(read_end if name == "stdin" else write_end)
    os.close(setup_write)
    process = os.pidfd_open(pid)
    stdin = memoryview(header + base64.b64decode(request.get("stdin", "")))
    selector = selectors.DefaultSelector()
    sources = {pipes["stdout"][0]: b"o", pipes["stderr"][0]: b"e", pipes["channel"][0]: b"c", setup_read: b"s"}
    for fd in sources:
        selector.register(fd, selectors.EVENT_READ)
    stdin_fd = pipes["stdin"][1]
    os.set_blocking(stdin_fd, False)
    selector.register(stdin_fd, selectors.EVENT_WRITE)
    selector.register(connection, selectors.EVENT_READ)
    selector.register(process, selectors.EVENT_READ)
    setup_message = bytearray()
    status = None
    killed = False
    done_sent = False

    def kill_run() -> None:
        nonlocal killed
        killed = True
        if status is None:  # not reaped yet, so the pid is still the run's
            signal.pidfd_send_signal(process, signal.SIGKILL)

    while sources or status is None:
        for key, _events in selector.select():
            fd = key.fd
            if fd == stdin_fd:
                try:
                    written = os.write(stdin_fd, stdin[:65536]) if stdin else 0
                except OSError:  # the program closed its stdin
                    written, stdin = 0, memoryview(b"")
                stdin = stdin[written:]
                if not stdin:
                    selector.unregister(stdin_fd)
                    os.close(stdin_fd)
                    stdin_fd = -1
            elif fd == connection.fileno():
                # The caller only ever closes early: stop the run.
                if not connection.recv(4096):
                    selector.unregister(connection)
                    if not killed:
                        kill_run()
            elif fd == process:
                _, wait_status = os.waitpid(pid, 0)
                status = wait_status
                selector.unregister(process)
            else:
                chunk = os.read(fd, 65536)
                if not chunk:
                    selector.unregister(fd)
                    os.close(fd)
                    del sources[fd]
                elif sources[fd] == b"s":
                    setup_message += chunk
                elif not killed:
                    try:
                        connection.sendall(frame(sources[fd], chunk))
                    except OSError:
                        kill_run()
        if not sources and status is None and not done_sent and not killed and bytes(setup_message) == b"ok":
            # Every output of the run is closed and relayed: a grading's judge
            # has written its result and is exiting (the caller need not wait).
            done_sent = True
            try:
                connection.sendall(frame(b"d", b""))
            except OSError:
                kill_run()
    os.close(process)
    if killed:
        return
    if bytes(setup_message) != b"ok":
        reason = setup_message.decode("utf-8", "replace") or "pid 1 ended during setup"
        last = frame(b"s", reason.encode())
    elif os.WIFSIGNALED(status):
        last = frame(b"x", json.dumps({"exitCode": None, "signal": os.WTERMSIG(status)}).encode())
    else:
        last = frame(b"x", json.dumps({"exitCode": os.waitstatus_to_exitcode(status), "signal": None}).encode())
    try:
        connection.sendall(last)
    except OSError:
        pass  # the caller stopped listening (a grading's result was whole: frame d)
