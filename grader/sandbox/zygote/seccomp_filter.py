"""The sandbox's seccomp filter.

The zygote (zygote.py) builds it once and loads it into every run, last,
after the run has dropped its privileges. Default: allow. Refused: sockets other than AF_UNIX (asyncio's
self-pipe and multiprocessing use AF_UNIX), tracing other processes, mounts,
new namespaces, kernel keyrings, modules, BPF, perf, io_uring, clocks, and
other calls a Python exercise never needs. Built with Debian's python3-seccomp
(libseccomp), so the BPF matches this kernel's architecture, and compiled to
BPF once: a run loads the program with one prctl (libseccomp's own load
generates it again each time, ~0.4 ms).
"""
import ctypes
import errno
import os
import socket

import seccomp

from .syscalls import PR_SET_NO_NEW_PRIVS, libc, prctl

PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

REFUSED = [
    # other processes and the kernel
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    # file systems and namespaces
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "mount_setattr",
    "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick",
    "open_by_handle_at", "name_to_handle_at", "quotactl", "fanotify_init",
    # keys, modules, BPF, perf, io_uring
    "keyctl", "add_key", "request_key", "init_module", "finit_module", "delete_module",
    "bpf", "perf_event_open", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "userfaultfd", "lookup_dcookie",
    # the machine
    "reboot", "kexec_load", "kexec_file_load", "swapon", "swapoff", "acct", "syslog",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "vhangup", "iopl", "ioperm",
]

# clone() flags that create namespaces: refused, so code cannot build its own
# sandbox-in-the-sandbox to get capabilities back.
NAMESPACE_FLAGS = [
    0x00020000,  # CLONE_NEWNS
    0x02000000,  # CLONE_NEWCGROUP
    0x04000000,  # CLONE_NEWUTS
    0x08000000,  # CLONE_NEWIPC
    0x10000000,  # CLONE_NEWUSER
    0x20000000,  # CLONE_NEWPID
    0x40000000,  # CLONE_NEWNET
    0x00000080,  # CLONE_NEWTIME
]

TIOCSTI = 0x5412


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


class CompiledFilter:
    """The filter as the BPF program libseccomp generates for it."""

    def __init__(self, rules: seccomp.SyscallFilter) -> None:
        with os.fdopen(os.memfd_create("awaitable-seccomp"), "w+b") as file:
            rules.export_bpf(file)
            file.seek(0)
            program = file.read()
        if not program or len(program) % 8:  # struct sock_filter: 8 bytes each
            raise RuntimeError(f"libseccomp exported {len(program)} bytes of BPF")
        self._program = ctypes.create_string_buffer(program, len(program))
        self._fprog = _SockFprog(len(program) // 8, ctypes.addressof(self._program))

    def load(self) -> None:
        prctl(PR_SET_NO_NEW_PRIVS, 1)  # as libseccomp does (drop_privileges has already)
        if libc.prctl(ctypes.c_int(PR_SET_SECCOMP), ctypes.c_ulong(SECCOMP_MODE_FILTER),
                      ctypes.byref(self._fprog), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"loading the seccomp filter: {os.strerror(error)}")


def build() -> CompiledFilter:
    return CompiledFilter(rules())


def rules() -> seccomp.SyscallFilter:
    rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    deny = seccomp.ERRNO(errno.EPERM)
    for name in REFUSED:
        try:
            rules.add_rule(deny, name)
        except (RuntimeError, ValueError):
            pass  # not a system call on this architecture
    rules.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.NE, socket.AF_UNIX))
    rules.add_rule(seccomp.ERRNO(errno.EACCES), "socketpair", seccomp.Arg(0, seccomp.NE, socket.AF_UNIX))
    for flag in NAMESPACE_FLAGS:
        rules.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    # clone3 passes its flags in memory, which seccomp cannot read: ENOSYS makes
    # glibc fall back to clone(), whose flags the rules above do check.
    rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    rules.add_rule(deny, "ioctl", seccomp.Arg(1, seccomp.MASKED_EQ, 0xFFFFFFFF, TIOCSTI))
    return rules
