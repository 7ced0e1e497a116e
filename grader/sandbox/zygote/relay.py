"""The runner: the zygote's forked child that turns a connection into a run.

Root, in the host's pid namespace, inside the slot's cgroups. The caller
sends two lines: the cgroups to join, which the runner joins at once and
answers with an ``a`` frame (its pid: it is *armed*, and the caller may send
this line well before it has a run), then the request. The runner unshares
new mount, pid, network, IPC, UTS and cgroup namespaces, forks the run's
pid 1, and relays its stdout, stderr and result channel (fd 3) to the
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


def runner(connection: socket.socket, become_pid_one):
    """Returns (request, setup_write) in pid 1 of the run, which must report
    its setup on setup_write; in the runner, never returns."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the runner waits for its pid 1
    try:
        lines = Lines(connection)
        for procs in lines.next()["cgroupProcs"]:
            with open(procs, "w") as file:
                file.write(str(os.getpid()))
        # Armed: in the slot's cgroups, waiting for its run.
        connection.sendall(frame(b"a", str(os.getpid()).encode()))
        request = lines.next()
        pipes = {name: os.pipe() for name in ("stdin", "stdout", "stderr", "channel")}
        setup_read, setup_write = os.pipe()
        unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)
        pid = os.fork()
    except BaseException as failure:  # noqa: BLE001
        try:
            connection.sendall(frame(b"s", f"{type(failure).__name__}: {failure}".encode()))
        finally:
            os._exit(1)
    if pid == 0:
        os.close(setup_read)
        connection.detach()  # closed with every other fd below, not later by the collector
        return become_pid_one(request, pipes, setup_write)
    try:
        relay(connection, request, pid, pipes, setup_read, setup_write)
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


def relay(connection, request, pid, pipes, setup_read, setup_write) -> None:
    for name, (read_end, write_end) in pipes.items():
        os.close(read_end if name == "stdin" else write_end)
    os.close(setup_write)
    process = os.pidfd_open(pid)
    stdin = memoryview(base64.b64decode(request.get("stdin", "")))
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
