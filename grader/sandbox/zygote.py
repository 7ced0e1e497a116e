"""The sandbox's zygote: a Python that has already imported asyncio and the
grading harness, and forks one isolated run per connection.

    /usr/bin/python3 -I -S -B zygote.py SOCKET HARNESS_DIRECTORY

Starting Python and importing asyncio costs ~90 ms of CPU; a fork costs ~1 ms.
What keeps a forked run as isolated as a freshly started one:

- The zygote holds nothing worth stealing. It is started with the runs' own
  fixed environment, never reads a request (the forked child does), never
  opens a connection but its root-only listening socket, and never starts a
  thread: it is single-threaded at every fork (checked before each one).
- Each run gets, in the child, everything bubblewrap used to give it: new
  mount, pid, network, IPC, UTS and cgroup namespaces; a root of its own with
  read-only /usr, a size-capped private /tmp, a minimal /dev, a fresh /proc
  and nothing else of the host's but the read-only folders it was given; the
  slot's cgroups (joined before anything else, so every process of the run
  is counted); resource limits; the slot's unprivileged uid and gid, no
  supplementary groups, an empty capability bounding set, no-new-privs; a new
  session; and last, the seccomp filter (seccomp_filter.py).

One run is two processes. The *runner* (root, in the host's pid namespace,
inside the slot's cgroups) joins the cgroups, unshares the namespaces, forks
the run's *pid 1*, and relays its stdout, stderr and result channel (fd 3) to
the connection as frames: one type byte (o, e, c; then one of s: the sandbox
could not be set up, f: the runner failed, x: the exit status as JSON), a
4-byte big-endian length, the data.
Pid 1 sets up the sandbox, drops every privilege and then runs the program
the way `python3 -I -S -B ARGS` would, exiting through the interpreter's own
shutdown. When the connection closes early (the caller's wall-time or output
limit), the runner SIGKILLs pid 1, and the kernel kills everything else in
its pid namespace.

Request, one JSON line: {"args": [...], "env": {...}, "binds": [{"host",
"sandbox"}], "stdin": base64, "uid": n, "cgroupProcs": [...], "limits":
{"cpuSeconds", "fileSizeMb", "openFiles", "processes", "tmpMb"}}.
"""

import atexit
import base64
import ctypes
import fcntl
import gc
import json
import os
import resource
import selectors
import signal
import socket
import struct
import sys
import threading
import types

ZYGOTE_FILE = __file__
SOCKET_PATH = sys.argv[1]
HARNESS_DIRECTORY = os.path.realpath(sys.argv[2])
# Where runs see the harness; the zygote imports it under this name too, so
# its modules' __file__ and code filenames are what the run sees.
HARNESS_IN_SANDBOX = "/grader/harness"
# The empty folder each run's root is built on (in the run's own mount
# namespace, so the host never sees what is mounted there).
ROOT_BASE = os.path.join(os.path.dirname(SOCKET_PATH), "root")

MAX_REQUEST_BYTES = 8 * 1024 * 1024
SETUP_FAILED_EXIT = 125

# The filter's builder: this folder, and Debian's python3-seccomp, which is
# outside the path of a Python started with -S (runs see neither).
_BUILD_PATH = [os.path.dirname(os.path.abspath(__file__)), "/usr/lib/python3/dist-packages"]
sys.path[:0] = _BUILD_PATH
import seccomp_filter  # noqa: E402

SECCOMP = seccomp_filter.build()
del sys.path[:len(_BUILD_PATH)]
del sys.modules["seccomp_filter"], sys.modules["seccomp"]

# ----- the harness, imported under its in-sandbox path ---------------------------------------------

import importlib.abc  # noqa: E402
import importlib.machinery  # noqa: E402
import importlib.util  # noqa: E402


class HarnessLoader(importlib.machinery.SourceFileLoader):
    """Reads the harness from the host while naming it by its path in the sandbox."""

    def get_data(self, path):
        return super().get_data(_host_path(path))

    def path_stats(self, path):
        return super().path_stats(_host_path(path))


def _host_path(path: str) -> str:
    if path == HARNESS_IN_SANDBOX or path.startswith(HARNESS_IN_SANDBOX + os.sep):
        return HARNESS_DIRECTORY + path[len(HARNESS_IN_SANDBOX):]
    return path


class HarnessFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname != "awaitable" and not fullname.startswith("awaitable."):
            return None
        relative = fullname.replace(".", os.sep)
        for candidate, is_package in ((os.path.join(relative, "__init__.py"), True), (relative + ".py", False)):
            if os.path.exists(os.path.join(HARNESS_DIRECTORY, candidate)):
                virtual = os.path.join(HARNESS_IN_SANDBOX, candidate)
                return importlib.util.spec_from_file_location(
                    fullname, virtual, loader=HarnessLoader(fullname, virtual),
                    submodule_search_locations=[os.path.dirname(virtual)] if is_package else None)
        return None


# Only while the zygote imports: inside the sandbox /grader/harness is real.
_finder = HarnessFinder()
sys.meta_path.insert(0, _finder)

# What every grading imports (and what most programs import), done once here.
import asyncio  # noqa: E402,F401
import concurrent.futures  # noqa: E402,F401
import concurrent.futures.process  # noqa: E402,F401
import concurrent.futures.thread  # noqa: E402,F401
import multiprocessing  # noqa: E402
import multiprocessing.synchronize  # noqa: E402,F401
import queue  # noqa: E402,F401
import random  # noqa: E402
import runpy  # noqa: E402
import time  # noqa: E402,F401
import traceback  # noqa: E402,F401

import awaitable  # noqa: E402,F401
import awaitable.fakeio  # noqa: E402,F401
import awaitable.fakeio.aiofiles  # noqa: E402,F401
import awaitable.fakeio.aiohttp  # noqa: E402,F401
import awaitable.fakeio.requests  # noqa: E402,F401
import awaitable.processes  # noqa: E402,F401
import awaitable.runner  # noqa: E402,F401

sys.meta_path.remove(_finder)

# ----- system calls Python 3.11 has no wrapper for ------------------------------------------------

libc = ctypes.CDLL(None, use_errno=True)

CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2

PR_SET_PDEATHSIG = 1
PR_CAPBSET_DROP = 24
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38

SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}.get(os.uname().machine)


def _check(result: int, what: str) -> None:
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def unshare(flags: int) -> None:
    _check(libc.unshare(ctypes.c_int(flags)), "unshare")


def mount(source, target, fstype, flags: int, data=None) -> None:
    encode = lambda value: None if value is None else os.fsencode(value)  # noqa: E731
    _check(libc.mount(encode(source), encode(target), encode(fstype), ctypes.c_ulong(flags), encode(data)),
           f"mount {target}")


def pivot_root(new_root: str, put_old: str) -> None:
    if SYS_PIVOT_ROOT is None:
        raise OSError(f"pivot_root: unknown architecture {os.uname().machine}")
    _check(libc.syscall(ctypes.c_long(SYS_PIVOT_ROOT), os.fsencode(new_root), os.fsencode(put_old)), "pivot_root")


def prctl(option: int, value: int) -> None:
    _check(libc.prctl(ctypes.c_int(option), ctypes.c_ulong(value), ctypes.c_ulong(0), ctypes.c_ulong(0),
                      ctypes.c_ulong(0)), f"prctl {option}")


def last_capability() -> int:
    with open("/proc/sys/kernel/cap_last_cap") as file:
        return int(file.read())


LAST_CAPABILITY = last_capability()


def log(text: str) -> None:
    os.write(2, f"awaitable zygote: {text}\n".encode())


# ----- pid 1 of a run: the sandbox -------------------------------------------------------------------

def bind_read_only(source: str, target: str) -> None:
    mount(source, target, None, MS_BIND | MS_REC)
    mount(None, target, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def make_path(root: str, inside: str, *, file: bool = False) -> str:
    target = os.path.join(root, inside.lstrip("/"))
    if file:
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        if not os.path.exists(target):
            os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o644))
    else:
        os.makedirs(target, mode=0o755, exist_ok=True)
    return target


def build_root(request: dict) -> None:
    """The run's file system: only what it needs, read-only but /tmp and /dev/shm."""
    uid = int(request["uid"])
    tmp_bytes = int(request["limits"]["tmpMb"]) * 1024 * 1024
    mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing mounted here reaches the host
    root = ROOT_BASE
    mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m")
    bind_read_only("/usr", make_path(root, "/usr"))
    for name in ("bin", "lib", "lib64"):
        os.symlink(f"usr/{name}", os.path.join(root, name))
    mount("proc", make_path(root, "/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    for hidden in ("sys", "sysrq-trigger", "irq", "bus"):
        target = os.path.join(root, "proc", hidden)
        if os.path.exists(target):
            bind_read_only(target, target)
    dev = make_path(root, "/dev")
    mount("tmpfs", dev, "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755,size=64k")
    for device in ("null", "zero", "full", "random", "urandom", "tty"):
        target = make_path(root, f"/dev/{device}", file=True)
        mount(f"/dev/{device}", target, None, MS_BIND)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2")):
        os.symlink(target, os.path.join(dev, name))
    # multiprocessing's semaphores live in /dev/shm.
    mount("tmpfs", make_path(root, "/dev/shm"), "tmpfs", MS_NOSUID | MS_NODEV,
          f"mode=1777,size={tmp_bytes},uid={uid},gid={uid}")
    mount(None, dev, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NOEXEC)
    mount("tmpfs", make_path(root, "/tmp"), "tmpfs", MS_NOSUID | MS_NODEV,
          f"mode=0755,size={tmp_bytes},uid={uid},gid={uid}")
    for bind in request["binds"]:
        bind_read_only(bind["host"], make_path(root, bind["sandbox"], file=os.path.isfile(bind["host"])))
    os.chdir(root)
    pivot_root(".", ".")  # the old root is stacked on the new one
    mount(None, ".", None, MS_REC | MS_PRIVATE)
    _check(libc.umount2(b".", ctypes.c_int(MNT_DETACH)), "umount old root")
    os.chdir("/")
    mount(None, "/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    os.chdir("/tmp")


def drop_privileges(request: dict) -> None:
    uid = int(request["uid"])
    if uid <= 0:
        raise ValueError("a run must not run as root")
    limits = request["limits"]
    cpu = int(limits["cpuSeconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    file_size = int(limits["fileSizeMb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    resource.setrlimit(resource.RLIMIT_NOFILE, (int(limits["openFiles"]),) * 2)
    # A backstop only: the pids cgroup must trip first (that is what is reported).
    resource.setrlimit(resource.RLIMIT_NPROC, (int(limits["processes"]) * 2,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for capability in range(LAST_CAPABILITY + 1):
        prctl(PR_CAPBSET_DROP, capability)
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)  # from root to another uid: every capability goes
    if os.geteuid() != uid or os.getegid() != uid or os.getgroups():
        raise OSError("could not drop privileges")
    # Changing credentials cleared the parent-death signal: set it again. (Had
    # the runner died in between, the last write of the setup fails: no reader.)
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    prctl(PR_SET_NO_NEW_PRIVS, 1)


def fresh_process_state(request: dict) -> None:
    """What a freshly started Python would have that a fork of the zygote does not."""
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update({str(name): str(value) for name, value in request["env"].items()})
    random.seed()
    multiprocessing.current_process().authkey = os.urandom(32)


def become_pid_one(request: dict, pipes: dict, setup_write: int) -> None:
    """Runs in the new namespaces; returns only to run the program."""
    # Above every fd the run is given, so that moving those into place cannot close it.
    moved = fcntl.fcntl(setup_write, fcntl.F_DUPFD_CLOEXEC, 256)
    os.close(setup_write)
    setup_write = moved
    try:
        # Dies with the runner, from the first moment.
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        os.setsid()
        socket.sethostname("sandbox")
        build_root(request)
        for fd, target in ((pipes["stdin"][0], 0), (pipes["stdout"][1], 1), (pipes["stderr"][1], 2),
                           (pipes["channel"][1], 3)):
            os.dup2(fd, target)
        os.set_inheritable(3, True)
        os.closerange(4, setup_write)
        os.closerange(setup_write + 1, 1 << 16)
        drop_privileges(request)
        fresh_process_state(request)
        SECCOMP.load()
        os.write(setup_write, b"ok")
        os.close(setup_write)
    except BaseException as failure:  # noqa: BLE001  the runner reports it; nothing of the program ran
        try:
            os.write(setup_write, f"{type(failure).__name__}: {failure}".encode()[:4000])
        finally:
            os._exit(SETUP_FAILED_EXIT)


# ----- the runner: namespaces, and relaying the run's output ---------------------------------------

def frame(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack(">I", len(data)) + data


def read_request(connection: socket.socket) -> dict:
    uid, _gid = struct.unpack("3i", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[1:]
    if uid != 0:
        raise PermissionError("only root may ask for a run")
    data = bytearray()
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            raise EOFError("the request ended early")
        data += chunk
        if len(data) > MAX_REQUEST_BYTES:
            raise ValueError("the request is too large")
    return json.loads(data)


def runner(connection: socket.socket):
    """Returns the request in pid 1 of the run; in the runner, never returns."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the runner waits for its pid 1
    try:
        request = read_request(connection)
        for procs in request["cgroupProcs"]:
            with open(procs, "w") as file:
                file.write(str(os.getpid()))
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
        become_pid_one(request, pipes, setup_write)
        return request
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
    os.close(process)
    if killed:
        return
    if bytes(setup_message) != b"ok":
        reason = setup_message.decode("utf-8", "replace") or "pid 1 ended during setup"
        connection.sendall(frame(b"s", reason.encode()))
    elif os.WIFSIGNALED(status):
        connection.sendall(frame(b"x", json.dumps({"exitCode": None, "signal": os.WTERMSIG(status)}).encode()))
    else:
        connection.sendall(frame(b"x", json.dumps({"exitCode": os.waitstatus_to_exitcode(status), "signal": None}).encode()))


# ----- the zygote --------------------------------------------------------------------------------------

def threads_now() -> int:
    return len(os.listdir("/proc/self/task"))


def serve():
    """Accepts runs until standard input closes (its owner is gone). Returns
    in pid 1 of a run, with the run's request; the zygote itself exits here."""
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
                return runner(connection)
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
    run_and_exit(serve())
