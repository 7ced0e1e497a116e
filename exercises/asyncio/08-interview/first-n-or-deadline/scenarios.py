"""Drives first_successes() from inside the submission's process (see
tests.py): builds the jobs from plain specs ``[name, delay, fails]``, each
logging its start and its finally cleanup, and returns (the result, the log
as it was when first_successes returned, the jobs still pending then)."""

import asyncio


def _make_job(name, delay, log, fail_after=False):
    async def job():
        log.append(f"start {name}")
        try:
            await asyncio.sleep(delay)
            if fail_after:
                raise RuntimeError(f"job {name} failed")
            return name
        finally:
            log.append(f"cleanup {name}")
    job.__name__ = job.__qualname__ = f"job_{name}"
    return job


async def run_jobs(student, specs, n, deadline):
    log = []
    jobs = [_make_job(name, delay, log, fails) for name, delay, fails in specs]
    result = await student.first_successes(jobs, n, deadline)
    snapshot = list(log)
    me = asyncio.current_task()
    pending = sorted(task.get_coro().__qualname__ for task in asyncio.all_tasks()
                     if task is not me and not task.done())
    return result, snapshot, pending
