"""The student-side runtime: runs a submission on the virtual clock in the
student's own process and reports what it saw to the judge. Nothing here
decides a verdict; everything it reports is validated by the judge.

    core.py      the student's process: the judge's commands, running code
    guard.py     the audit hook: the channel's key, tamper detection, plain data
    port.py      the runtime's messages to the judge, one function per kind
    clock.py     the scheduler: actors, and advances the judge grants
    loop.py      the virtual event loop
    timefuncs.py time.* on the virtual clock
    threads.py   threads and conditions as actors
    locks.py     virtual threading.Lock / RLock
    executors.py thread-pool executors
    processes.py process pools
    trace.py     what tasks, threads and I/O did, as events
    streams.py   stdout / stderr
    fakeio/      aiohttp, requests, aiofiles, served by the judge
    install.py   puts all of the above in place
    host.py      the student's pristine host process, which forks the runs
"""
