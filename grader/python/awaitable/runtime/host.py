"""The student's host: the first process of the student's side of a grading,
forked before the judge has read anything, and so holding nothing but the
pristine runtime (grader/CONTRACT.md, "Processes").

In the sandbox it is pid 1 of the student's own pid namespace: every process
the student's code starts is its descendant, and none of them can see the
judge. It forks one student process per request of the judge (the first
one ahead, as soon as the runtime is prepared: it waits for the descriptors
the judge sends with its request), reports every exit, and on request kills
every other process of the namespace (``kill(-1)`` from a namespace's init
reaches all of them and only them).

The judge's requests, one per SOCK_SEQPACKET message (JSON, with file
descriptors attached where said):

    {"k": "prepare", "config", "scenarios"}, then {"k": "unit", "unit"}
                                                -> {"k": "prepared"} | {"k": "prepare-failed", "reason"}
    {"k": "spawn"} + [channel, stdout, stderr]  -> {"k": "spawned", "pid": n}
    {"k": "clean"}                              -> {"k": "cleaned"}
    end of stream                               -> the host exits (and with it, the namespace)

and, unasked, {"k": "up"} once it is ready (or {"k": "setup-failed", "reason": ...}
if its sandbox could not be set up), and {"k": "exited", "pid": n, "exitCode": c|null, "signal": s|null,
"cpuSeconds": x} for every student process that ends.
"""

from __future__ import annotations

import fcntl
import json
import os
import selectors
import signal
import socket

from ..contract import EXIT_CODES


def _send(control: socket.socket, message: dict) -> None:
    control.send(json.dumps(message).encode())


def serve(control: socket.socket, start_run, sandboxed: bool, prepare=None) -> None:
    """``start_run(channel_fd)`` runs in each forked student process (never
    returns); ``prepare(message)`` sets up, once, what they all start with."""
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    os.set_blocking(wake_read, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    selector.register(wake_read, selectors.EVENT_READ)
    runs: set[int] = set()
    # The first student process, forked once the runtime is prepared.
    spares: list[_Spare] = []

    def run(fds) -> None:
        """In a forked student process: never returns."""
        try:
            _become_run(control, selector, (wake_read, wake_write), fds, sandboxed)
            start_run(3)
        except BaseException:  # noqa: BLE001  the runtime's own failure, before the student's code
            import traceback
            os.write(2, ("awaitable runtime: " + traceback.format_exc()).encode("utf-8", "replace"))
            os._exit(EXIT_CODES["judgeFailed"])
        os._exit(0)

    _send(control, {"k": "up"})

    def reap() -> None:
        while True:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid in runs:
                runs.discard(pid)
                _send(control, {
                    "k": "exited", "pid": pid,
                    "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                    "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                    "cpuSeconds": usage.ru_utime + usage.ru_stime,
                })

    def clean() -> None:
        for spare in spares:  # killed below (sandboxed), or ends at the end of its socket
            spare.socket.close()
        spares.clear()
        if sandboxed:
            try:
                os.kill(-1, signal.SIGKILL)  # from the namespace's init: everyone else in it
            except ProcessLookupError:
                pass
        else:
            for pid in list(runs):
                try:
                    os.killpg(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        while True:
            try:
                pid, status, usage = os.wait4(-1, 0)
            except ChildProcessError:
                break
            runs.discard(pid)
        runs.clear()

    while True:
        for key, _events in selector.select():
            if key.fd == wake_read:
                try:
                    while os.read(wake_read, 4096):
                        pass
                except BlockingIOError:
                    pass
                reap()
                continue
            try:
                data, fds, _flags, _address = socket.recv_fds(control, 65536, 8)
            except OSError:
                data, fds = b"", []
            if not data:
                clean()
                os._exit(0)
            request = json.loads(data)
            if request.get("k") == "spawn" and len(fds) == 3:
                pid = spares.pop().take(fds) if spares else None
                if pid is None:
                    pid = os.fork()
                    if pid == 0:
                        run(fds)
                for fd in fds:
                    os.close(fd)
                runs.add(pid)
                _send(control, {"k": "spawned", "pid": pid})
            elif request.get("k") in ("prepare", "unit") and prepare is not None:
                for fd in fds:
                    os.close(fd)
                try:
                    complete = prepare(request)
                except BaseException:  # noqa: BLE001  the runtime's own failure: the judge reports it as ours
                    import traceback
                    _send(control, {"k": "prepare-failed", "reason": traceback.format_exc()[-2000:]})
                else:
                    if complete:
                        _send(control, {"k": "prepared"})
                        # The first student process, forked now, while the
                        # judge sets itself up: it waits for its descriptors.
                        spares.append(_Spare(run))
            elif request.get("k") == "clean":
                for fd in fds:
                    os.close(fd)
                clean()
                _send(control, {"k": "cleaned"})
            else:
                for fd in fds:
                    os.close(fd)


class _Spare:
    """A student process forked ahead of the judge's first spawn, holding
    nothing more than the host: it gets its channel and output pipes (the
    judge's, through the host) when the judge asks for a process."""

    def __init__(self, run) -> None:
        self.socket, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.pid = os.fork()
        if self.pid == 0:
            self.socket.close()
            try:
                _data, fds, _flags, _address = socket.recv_fds(child_end, 16, 3)
            except OSError:
                fds = []
            child_end.close()
            if len(fds) != 3:
                os._exit(0)  # the host ended, or a grading that spawned nothing
            run(fds)
        child_end.close()

    def take(self, fds) -> int | None:
        """The spare's pid once it has the descriptors; None if it is gone."""
        try:
            socket.send_fds(self.socket, [b"fds"], list(fds))
        except OSError:
            return None
        finally:
            self.socket.close()
        return self.pid


def _become_run(control, selector, wake, fds, sandboxed: bool) -> None:
    """In the forked student process: the channel as fd 3, the output pipes as
    fds 1 and 2, an empty stdin, and no other descriptor of the host's."""
    signal.set_wakeup_fd(-1)
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, signal.SIG_DFL)
    selector.close()
    control.close()
    for fd in wake:
        os.close(fd)
    # Above every fd the run is given, so that moving those into place cannot clobber them.
    moved = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in fds]
    for fd in fds:
        os.close(fd)
    channel, stdout, stderr = moved
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(stdout, 1)
    os.dup2(stderr, 2)
    os.dup2(channel, 3)
    os.set_inheritable(3, False)  # a program the student starts does not get the channel
    os.closerange(4, 1 << 16)
    if not sandboxed:
        os.setpgid(0, 0)
