"""Puts the runtime in place in the student's process, before any of the
student's code runs: the virtual loop and clock, time, threads, locks,
executors and process pools, the trace, the fake libraries, the streams."""

from __future__ import annotations

import asyncio
import random
import resource
import signal
import sys

from ..contract import EXIT_CODES
from . import fakeio, port, processes, streams
from .fakeio import aiofiles as fake_aiofiles
from .fakeio import aiohttp as fake_aiohttp
from .fakeio import requests as fake_requests
from .clock import REAL_PERF_COUNTER, scheduler
from .executors import install_executors
from .locks import install_locks
from .loop import VirtualEventLoopPolicy, install_loop
from .threads import install_threading
from .timefuncs import install_time
from .trace import install_trace, recorder


def lower_limit(kind: int, soft: int, hard: int) -> None:
    """Set a resource limit no higher than the one the sandbox already set
    (an unprivileged process may lower its hard limits, never raise them)."""
    _, current_hard = resource.getrlimit(kind)
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
        soft = min(soft, hard)
    resource.setrlimit(kind, (soft, hard))


def apply_limits(limits: dict) -> None:
    memory = int(limits["memoryMb"]) * 1024 * 1024
    # Address space, not memory: every thread reserves far more than it uses
    # (stack, malloc arena), so this is generous; it turns one huge allocation
    # into a MemoryError. The sandbox's cgroup caps the memory all processes
    # of the run really use.
    address_space = memory * 4 + (1 << 30)
    lower_limit(resource.RLIMIT_AS, address_space, address_space)
    lower_limit(resource.RLIMIT_CORE, 0, 0)
    # Python ignores SIGXFSZ (a write past RLIMIT_FSIZE would only raise):
    # end the process, so the judge reports the file-size limit.
    exit_now = sys.modules["os"]._exit
    signal.signal(signal.SIGXFSZ, lambda *_: exit_now(EXIT_CODES["fileSizeLimit"]))


# The fake libraries, by the name a program imports them by.
FAKE_MODULES = {"aiohttp": fake_aiohttp, "requests": fake_requests, "aiofiles": fake_aiofiles}


def register_fakes() -> None:
    """The fake libraries in sys.modules from the zygote on (install() puts
    the same modules there again with their file latency, which changes
    nothing in sys.modules): it is then as the zygote's snapshot saw it
    (core.py, _refresh)."""
    sys.modules.update(FAKE_MODULES)


# What install_base() installed: the clock and the CPU accounting.
installed: dict = {}


def install_base(clock: str, cpu: str) -> None:
    """The part of the runtime that depends only on the clock and the CPU
    accounting: an armed grading's student host installs it before its job
    exists (grader/CONTRACT.md, "Armed gradings")."""
    if installed:
        raise RuntimeError("the runtime is installed already")
    virtual = clock == "virtual"
    scheduler.virtual = virtual
    scheduler.judged = virtual
    scheduler.on_wait = recorder.wait
    recorder.charge_cpu = cpu == "charged"
    install_loop()
    install_time(virtual)
    if virtual:
        install_threading()
        install_locks()
        install_executors()
        processes.install()
    install_trace()
    replay = streams.install_streams()
    processes.streams.update(replay)
    port.sources["events"] = recorder.take_events
    port.sources["flush"] = streams.flush
    scheduler.register_main()
    installed.update(clock=clock, cpu=cpu)


def install(config: dict) -> None:
    """The runtime for the job's configuration (its base, unless installed
    already for the same clock and CPU accounting), and the job's limits."""
    if not installed:
        install_base(config["clock"], config["cpu"])
    elif installed != {"clock": config["clock"], "cpu": config["cpu"]}:
        raise ValueError(f"the runtime was installed for {installed}, not for this job's {config['clock']} clock and {config['cpu']} CPU")
    scheduler.limit = float(config["limits"]["virtualSeconds"])
    fakeio.install(float((config.get("io") or {}).get("fileLatency", 0.0)), FAKE_MODULES)
    apply_limits(config["limits"])


def fresh_run(config: dict) -> None:
    """A fresh clock, trace and policy for the next run, as in a fresh process."""
    scheduler.reset()
    recorder.reset(None if config["clock"] == "virtual" else REAL_PERF_COUNTER())
    # A fresh policy, as in a fresh process: get_event_loop() in the main
    # thread creates a loop again (set_event_loop(None) would forbid it).
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    # Programs that use random (the seeds' queue example) are reproducible.
    random.seed(0)
    fake_aiohttp.sessions["made"] = 0
