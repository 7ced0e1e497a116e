"""The sandbox's seccomp filter.

The zygote (zygote.py) builds it once and loads it into every run, last,
after the run has dropped its privileges. Default: allow. Refused: sockets other than AF_UNIX (asyncio's
self-pipe and multiprocessing use AF_UNIX), tracing other processes, mounts,
new namespaces, kernel keyrings, modules, BPF, perf, io_uring, clocks, and
other calls a Python exercise never needs. Built with Debian's python3-seccomp
(libseccomp), so the BPF matches this kernel's architecture.
"""
import errno
import socket

import seccomp

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


def build() -> seccomp.SyscallFilter:
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
