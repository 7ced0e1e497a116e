"""Grading without the sandbox (AWAITABLE_UNSANDBOXED=1, local development):

    /usr/bin/python3 -I -S -B grade.py < job.json     (result on fd 3)

The same processes as in the sandbox, without its isolation: the student's
host is forked before the judge reads the job, and the judge drives it.
"""

import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from awaitable.contract import EXIT_CODES, PYTHON  # noqa: E402

if sys.version_info[:2] != PYTHON:
    sys.stderr.write(f"awaitable: Python {PYTHON[0]}.{PYTHON[1]} required, found {sys.version.split()[0]}\n")
    sys.exit(EXIT_CODES["wrongPython"])

from awaitable.judge.main import judge, read_job, write_result  # noqa: E402
from awaitable.judge.student import prepare_host  # noqa: E402
from awaitable.runtime import core, host  # noqa: E402

core.prepare()
control, host_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
pid = os.fork()
if pid == 0:
    # The student's host: nothing of the job (stdin) or the result channel (fd 3).
    control.close()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    try:
        os.close(3)
    except OSError:
        pass
    host.serve(host_end, lambda fd: core.serve(fd), sandboxed=False, prepare=core.prepare_host)
    os._exit(0)
host_end.close()
job = read_job(0)
prepare_host(control, job)
document = judge(job, control, sandboxed=False)
write_result(document)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
os._exit(0)
