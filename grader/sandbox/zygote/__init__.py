"""The sandbox's zygote, in Python: a process that has already imported
asyncio, the judge and the student-side runtime, and forks one isolated run
per connection (see __main__.py; grader/CONTRACT.md, "The sandbox").

    syscalls.py        the system calls Python 3.11 has no wrapper for
    jail.py            a run's root file system, credentials and fresh process state
    relay.py           the runner: namespaces, and relaying a run's output to the grader
    seccomp_filter.py  the system-call filter every run's processes load last
    __main__.py        the fork server
"""
