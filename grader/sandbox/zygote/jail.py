"""What a run's processes get before any code of the run executes: a root file
system of their own, resource limits, an unprivileged uid with no
capabilities, and a fresh process state (grader/CONTRACT.md, "The sandbox")."""

from __future__ import annotations

import multiprocessing
import os
import random
import resource
import signal

from .syscalls import (
    LAST_CAPABILITY, MNT_DETACH, MS_BIND, MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_PRIVATE, MS_RDONLY, MS_REC,
    MS_REMOUNT, PR_CAPBSET_DROP, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_PDEATHSIG, CLONE_NEWNS, mount,
    pivot_root, prctl, umount, unshare,
)

# Files of a fresh /proc a run may read but never write.
PROC_READ_ONLY = ("sys", "sysrq-trigger", "irq", "bus")


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


def mount_proc(root: str) -> None:
    """A fresh /proc (of the caller's pid namespace), its writable corners read-only."""
    mount("proc", make_path(root, "/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    for hidden in PROC_READ_ONLY:
        target = os.path.join(root, "proc", hidden)
        if os.path.exists(target):
            bind_read_only(target, target)


def build_root(request: dict, root_base: str) -> None:
    """The run's file system: only what it needs, read-only but /tmp and /dev/shm."""
    uid = int(request["uid"])
    tmp_bytes = int(request["limits"]["tmpMb"]) * 1024 * 1024
    mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing mounted here reaches the host
    root = root_base
    mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=1m")
    bind_read_only("/usr", make_path(root, "/usr"))
    for name in ("bin", "lib", "lib64"):
        os.symlink(f"usr/{name}", os.path.join(root, name))
    mount_proc(root)
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
    for bind in request.get("binds", []):
        bind_read_only(bind["host"], make_path(root, bind["sandbox"], file=os.path.isfile(bind["host"])))
    os.chdir(root)
    pivot_root(".", ".")  # the old root is stacked on the new one
    mount(None, ".", None, MS_REC | MS_PRIVATE)
    umount(".", MNT_DETACH)
    os.chdir("/")
    mount(None, "/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    os.chdir("/tmp")


def student_namespace() -> None:
    """For the first process of a nested pid namespace (the student's host):
    a mount namespace of its own with a /proc that shows only its namespace,
    so no process of the student's can see the judge."""
    unshare(CLONE_NEWNS)
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount_proc("/")


def set_oom_score(score: int) -> None:
    """1000: chosen first by the OOM killer (every student process); a
    negative score (the judge) needs CAP_SYS_RESOURCE, which some machines
    do not give even to root: then the judge keeps the default, still far
    behind the student's processes."""
    try:
        with open("/proc/self/oom_score_adj", "w") as file:
            file.write(str(score))
    except PermissionError:
        if score >= 0:
            raise


def drop_privileges(uid: int, limits: dict) -> None:
    if uid <= 0:
        raise ValueError("a run must not run as root")
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
    # Its /proc files (mem, environ, fds) belong to root from now on: not even
    # a process of the same uid can read its memory.
    prctl(PR_SET_DUMPABLE, 0)


def fresh_process_state(env: dict) -> None:
    """What a freshly started Python would have that a fork of the zygote does not."""
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update({str(name): str(value) for name, value in env.items()})
    random.seed()
    multiprocessing.current_process().authkey = os.urandom(32)
