"""The sandbox's zygote: a Python that has already imported asyncio, the
judge and the student-side runtime, and forks one isolated run per connection.

    /usr/bin/python3 -I -S -B grader/sandbox/zygote/__main__.py SOCKET PYTHON_DIRECTORY

Starting Python and importing asyncio costs ~90 ms of CPU; a fork costs ~1 ms.
What keeps a forked run as isolated as a freshly started one:

- The zygote holds nothing worth stealing. It is started with the runs' own
  fixed environment, never reads a request (the forked child does), never
  opens a connection but its root-only listening socket, and never starts a
  thread: it is single-threaded at every fork (checked before each one).
- Each run gets, in the child, new mount, pid, network, IPC, UTS and cgroup
  namespaces; a root of its own (jail.py); the slot's cgroups (joined before
  anything else, so every process of the run is counted); resource limits;
  an unprivileged uid and gid, no supplementary groups, an empty capability
  bounding set, no-new-privs; a new session; and last, the seccomp filter.

A run is a *program* (``python3 ARGS``, as pid 1 of its namespace; the
sandbox's own checks and tests) or a *grading*: pid 1 forks the student's
host into a nested pid namespace of its own (it, and everything the
student's code starts, sees nothing of the judge), then becomes the judge
under another uid, reads the job and writes the result on fd 3
(grader/CONTRACT.md, "Processes").

Request, one JSON line: {"kind": "program"|"grade", "args": [...], "env": {...},
"binds": [{"host", "sandbox"}], "stdin": base64, "uid": n, "judgeUid": n,
"cgroupProcs": [...], "limits": {...}}.
"""

import atexit
import fcntl
import gc
import json
import os
import runpy
import selectors
import signal
import socket
import sys
import threading
import types

SANDBOX_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ZYGOTE_FILE = os.path.abspath(__file__)
SOCKET_PATH = sys.argv[1]
PYTHON_DIRECTORY = os.path.realpath(sys.argv[2])
# The empty folder each run's root is built on (in the run's own mount
# namespace, so the host never sees what is mounted there).
ROOT_BASE = os.path.join(os.path.dirname(SOCKET_PATH), "root")

# The filter's builder, the zygote's modules and the grader's Python, and
# Debian's python3-seccomp, which is outside the path of a Python started
# with -S (runs see none of them).
_BUILD_PATH = [SANDBOX_DIRECTORY, PYTHON_DIRECTORY, "/usr/lib/python3/dist-packages"]
sys.path[:0] = _BUILD_PATH

from zygote import seccomp_filter  # noqa: E402
from zygote.jail import build_root, drop_privileges, fresh_process_state, set_oom_score, student_namespace  # noqa: E402
from zygote.relay import log, runner  # noqa: E402
from zygote.syscalls import CLONE_NEWPID, PR_SET_CHILD_SUBREAPER, PR_SET_PDEATHSIG, prctl, unshare  # noqa: E402

SECCOMP = seccomp_filter.build()
del sys.modules["seccomp"]

# What every grading imports (and what most programs import), done once here.
import asyncio  # noqa: E402,F401
import concurrent.futures  # noqa: E402,F401
import concurrent.futures.process  # noqa: E402,F401
import concurrent.futures.thread  # noqa: E402,F401
import multiprocessing  # noqa: E402
import multiprocessing.synchronize  # noqa: E402,F401
import queue  # noqa: E402,F401
import random  # noqa: E402,F401
import time  # noqa: E402,F401
import traceback  # noqa: E402,F401

from awaitable.contract import EXIT_CODES  # noqa: E402
from awaitable.judge import main as judge_main  # noqa: E402
from awaitable.judge.student import prepare_host  # noqa: E402
from awaitable.runtime import core, host  # noqa: E402
from awaitable.runtime import preload  # noqa: E402,F401  the standard library students reach for

del sys.path[:len(_BUILD_PATH)]

SETUP_FAILED_EXIT = EXIT_CODES["setupFailed"]
core.prepare(host_modules=[sys.modules[__name__]] + [module for name, module in sys.modules.items()
                                                      if name == "zygote" or name.startswith("zygote.")])


# ----- pid 1 of a run ----------------------------------------------------------------------------

def become_pid_one(request: dict, pipes: dict, setup_write: int, armed_write: int | None = None):
    """Runs in the new namespaces, as root; returns (request, setup pipe,
    armed pipe) to run the program or the grading (which report the end of
    their setup)."""
    # Above every fd the run is given, so that moving those into place cannot close them.
    moved = fcntl.fcntl(setup_write, fcntl.F_DUPFD_CLOEXEC, 256)
    os.close(setup_write)
    setup_write = moved
    kept = setup_write
    if armed_write is not None:
        moved = fcntl.fcntl(armed_write, fcntl.F_DUPFD_CLOEXEC, setup_write + 1)
        os.close(armed_write)
        armed_write = kept = moved
    try:
        # Dies with the runner, from the first moment.
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        os.setsid()
        socket.sethostname("sandbox")
        build_root(request, ROOT_BASE)
        for fd, target in ((pipes["stdin"][0], 0), (pipes["stdout"][1], 1), (pipes["stderr"][1], 2),
                           (pipes["channel"][1], 3)):
            os.dup2(fd, target)
        os.set_inheritable(3, True)
        os.closerange(4, setup_write)
        if armed_write is not None:
            os.closerange(setup_write + 1, armed_write)
        os.closerange(kept + 1, 1 << 16)
    except BaseException as failure:  # noqa: BLE001  the runner reports it; nothing of the program ran
        setup_failed(setup_write, failure)
    return request, setup_write, armed_write


def setup_failed(setup_write: int, failure: BaseException) -> None:
    frames = traceback.extract_tb(failure.__traceback__)
    where = f" (at {frames[-1].name}, line {frames[-1].lineno} of {os.path.basename(frames[-1].filename)})" if frames else ""
    try:
        os.write(setup_write, f"{type(failure).__name__}: {failure}{where}".encode()[:4000])
    finally:
        os._exit(SETUP_FAILED_EXIT)


def setup_done(setup_write: int) -> None:
    os.write(setup_write, b"ok")
    os.close(setup_write)


def program(request: dict, setup_write: int) -> None:
    try:
        drop_privileges(int(request["uid"]), request["limits"])
        fresh_process_state(request["env"])
        SECCOMP.load()
        setup_done(setup_write)
    except BaseException as failure:  # noqa: BLE001
        setup_failed(setup_write, failure)
    run_and_exit(request)


# ----- a grading ----------------------------------------------------------------------------------

def grading(request: dict, setup_write: int, armed_write: int | None = None) -> None:
    """pid 1 of a grading: the student's host first (before anything of the
    job is read), then the judge. Armed (``armed_write``), ``request`` is the
    slot's template, and the real one is the first line of standard input."""
    try:
        control, host_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # The next child is pid 1 of a namespace nested in this one.
        unshare(CLONE_NEWPID)
        pid = os.fork()
        if pid == 0:
            os.close(setup_write)
            if armed_write is not None:
                os.close(armed_write)
            student_host(request, control, host_end, armed=armed_write is not None)
        host_end.close()
        if armed_write is not None:
            os.write(armed_write, b"a")
            os.close(armed_write)
            template = request
            request, start = judge_main.read_request(0)
            for key in ("kind", "uid", "judgeUid", "env", "binds", "runtime"):
                if request.get(key) != template.get(key):
                    raise ValueError(f"the request's {key} is not the armed template's")
            if request["limits"]["tmpMb"] != template["limits"]["tmpMb"]:
                raise ValueError("the request's tmpMb is not the armed template's")
            # The host has waited for these before dropping its privileges
            # (which it does while this process reads the job).
            control.send(json.dumps({"k": "limits", "limits": request["limits"]}).encode())
            job = judge_main.read_job(0, start)
            if {"clock": job.get("clock"), "cpu": job.get("cpu")} != request["runtime"]:
                raise ValueError("the job's clock or CPU accounting is not the request's")
        else:
            job = judge_main.read_job(0)
        # The host exists (and holds nothing of it): the job, and the host
        # sets the runtime up for it while this process becomes the judge.
        prepare_host(control, job)
        set_oom_score(-1000)
        limits = dict(request["limits"])
        # The judge's own limits: it runs no student code, but all of a grading's tests.
        limits["cpuSeconds"] = int(limits["cpuSeconds"]) + int(limits.get("wallSeconds", 20)) + 5
        limits["processes"] = max(int(limits["processes"]), 16)
        drop_privileges(int(request["judgeUid"]), limits)
        fresh_process_state({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        SECCOMP.load()
        setup_done(setup_write)
    except BaseException as failure:  # noqa: BLE001
        setup_failed(setup_write, failure)
    document = judge_main.judge(job, control, sandboxed=True)
    judge_main.write_result(document)
    # Every output closed: the runner tells the grader the result is whole
    # (relay.py, frame d) while this process and its namespace go.
    for fd in (1, 2, 3):
        os.close(fd)
    os._exit(0)


def student_host(request: dict, control: socket.socket, host_end: socket.socket, armed: bool = False) -> None:
    """The student's host: nothing of the job (stdin) or of the result
    channel (fd 3); a /proc of its own namespace; the student's uid. Armed,
    it installs the runtime's base for the template's clock and CPU
    accounting, then waits for the run's limits (from the judge, once the
    request is in) before it drops its privileges."""
    try:
        control.close()
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.dup2(null, 2)  # each student process gets its own pipes from the judge
        os.close(null)
        os.close(3)
        student_namespace()
        limits = request["limits"]
        if armed:
            # Nothing of a job yet: the runtime for the template's clock and
            # CPU accounting, and its snapshot, while the slot's run goes on.
            core.prepare_armed_host(request["runtime"])
            message = json.loads(host_end.recv(65536) or b"{}")
            if message.get("k") != "limits":
                raise RuntimeError("the judge sent no limits")
            limits = message["limits"]
        set_oom_score(1000)
        drop_privileges(int(request["uid"]), limits)
        fresh_process_state(request["env"])
        SECCOMP.load()
    except BaseException as failure:  # noqa: BLE001  the judge reports it as the grader's fault
        try:
            host_end.send(json.dumps({"k": "setup-failed", "reason": f"{type(failure).__name__}: {failure}"[:2000]}).encode())
        finally:
            os._exit(SETUP_FAILED_EXIT)
    host.serve(host_end, lambda fd: core.serve(fd), sandboxed=True, prepare=core.prepare_host)
    os._exit(0)


# ----- the zygote --------------------------------------------------------------------------------------

def threads_now() -> int:
    return len(os.listdir("/proc/self/task"))


def serve():
    """Accepts runs until standard input closes (its owner is gone). Returns
    in pid 1 of a run, with the run's request (an armed grading's: its
    template), its setup pipe and, armed, the pipe on which it says that the
    student's host exists; the zygote itself exits here."""
    # Runners that die before their pid 1 leave it to the zygote, which (with
    # SIGCHLD ignored) has it reaped: this machine's init may not reap.
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    os.makedirs(ROOT_BASE, mode=0o700, exist_ok=True)
    try:
        os.unlink(SOCKET_PATH)
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_umask = os.umask(0o077)
    listener.bind(SOCKET_PATH)
    socket_inode = os.stat(SOCKET_PATH).st_ino
    os.umask(old_umask)
    listener.listen(128)
    # Finished runners are reaped by the kernel.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(0, selectors.EVENT_READ)
    # Everything imported so far stays shared between the zygote and its
    # children: the collector must not touch (and so copy) it in every run.
    gc.collect()
    gc.freeze()
    os.write(1, b"ready\n")
    while True:
        for key, _events in selector.select():
            if key.fd == 0:
                if not os.read(0, 4096):
                    # The grader is gone (its end of the pipe closed, however it
                    # ended). Its runs' connections closed too, so their runners
                    # are stopping them: wait for the last, so that none is left
                    # to an init that may not reap, then go.
                    listener.close()
                    try:
                        if os.stat(SOCKET_PATH).st_ino == socket_inode:  # not a successor's
                            os.unlink(SOCKET_PATH)
                    except OSError:
                        pass
                    signal.alarm(30)  # a backstop: never outlive the grader by long
                    try:
                        os.wait()  # with SIGCHLD ignored: returns once every child is gone
                    except ChildProcessError:
                        pass
                    os._exit(0)
                continue
            try:
                connection, _ = listener.accept()
            except OSError as error:  # out of fds, say: the caller's connect fails, the zygote goes on
                log(f"accept failed: {error}")
                continue
            if threading.active_count() != 1 or threads_now() != 1:
                log("refusing to fork: the zygote is not single-threaded")
                os._exit(70)
            pid = os.fork()
            if pid == 0:
                selector.close()
                listener.close()
                os.close(0)
                return runner(connection, become_pid_one)
            connection.close()


def run_program(request: dict) -> None:
    """Runs ARGS the way `python3 -I -S -B ARGS` does; the interpreter's own
    exit (threads joined, atexit, streams flushed) follows."""
    args = [arg for arg in request["args"]]
    while args and args[0] in ("-I", "-S", "-B"):
        args.pop(0)
    if not args:
        raise SystemExit("awaitable zygote: nothing to run")
    if args[0] == "-c":
        sys.argv = ["-c", *args[2:]]
        # A __main__ of its own; the zygote's module lives on in its functions.
        main = types.ModuleType("__main__")
        main.__builtins__ = __builtins__
        sys.modules["__main__"] = main
        exec(compile(args[1], "<string>", "exec"), vars(main))
    else:
        sys.argv = list(args)
        runpy.run_path(args[0], run_name="__main__")


def exit_status(code) -> int:
    """What the interpreter makes of SystemExit's code."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(f"{code}\n")
    except Exception:  # noqa: BLE001
        pass
    return 1


def run_and_exit(request: dict) -> None:
    """The program, then the interpreter's exit as CPython does it (threads
    joined, atexit handlers, streams flushed), minus tearing down every
    module, which costs ~8 ms and changes nothing a run can observe."""
    status = 0
    try:
        run_program(request)
    except SystemExit as stop:
        status = exit_status(stop.code)
    except BaseException as failure:  # noqa: BLE001
        # The traceback starts at the program, as a freshly started Python's does.
        trace = failure.__traceback__
        while trace is not None and trace.tb_frame.f_code.co_filename in (ZYGOTE_FILE, runpy.__file__):
            trace = trace.tb_next
        sys.excepthook(type(failure), failure.with_traceback(trace), trace)
        status = 1
    try:
        threading._shutdown()
    except BaseException:  # noqa: BLE001
        pass
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            status = 120
    os._exit(status)


if __name__ == "__main__":
    request, setup_write, armed_write = serve()
    if request.get("kind") == "grade":
        grading(request, setup_write, armed_write)
    else:
        program(request, setup_write)
