"""Drives the submission's Connection from inside its process (see tests.py):
uses it in an ``async with``, normally and with a body that raises, and
returns the log it wrote (and whether the body's exception came out)."""


async def connection_order(student):
    log = []
    async with student.Connection("db", log):
        log.append("body")
    return log


async def connection_error(student):
    log = []
    try:
        async with student.Connection("db", log):
            log.append("body")
            raise ValueError("boom")
    except ValueError:
        return [log, "raised"]
    return [log, "swallowed"]
