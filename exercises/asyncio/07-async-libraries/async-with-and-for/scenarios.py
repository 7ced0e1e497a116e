"""Drives the submission from inside its process (see tests.py): uses its
Connection in an ``async with``, normally and with a body that raises, and
returns the log it wrote (what ``as`` bound, whether the body's exception came
out); walks its iter_items with a session of ours; counts the aiohttp
sessions the submission opens itself."""

import types


def _count_sessions(student):
    """Makes the submission's aiohttp count the sessions it opens: its module's
    names bound to aiohttp (import aiohttp, import aiohttp as ...) or to
    aiohttp.ClientSession (from aiohttp import ClientSession) are rebound to a
    copy whose ClientSession and request() count. The fake aiohttp itself is
    left alone. Returns the counter (a list of one int)."""
    import aiohttp

    opened = [0]

    class ClientSession(aiohttp.ClientSession):
        def __init__(self, *args, **kwargs):
            opened[0] += 1
            super().__init__(*args, **kwargs)

    def request(method, url, **options):
        opened[0] += 1  # aiohttp.request opens a session of its own
        return aiohttp.request(method, url, **options)

    counted = types.ModuleType("aiohttp")
    counted.__dict__.update({name: value for name, value in vars(aiohttp).items() if not name.startswith("__")})
    counted.ClientSession = ClientSession
    counted.request = request
    for name, value in list(vars(student).items()):
        if value is aiohttp:
            setattr(student, name, counted)
        elif value is aiohttp.ClientSession:
            setattr(student, name, ClientSession)
    return opened


async def connection_order(student):
    log = []
    connection = student.Connection("db", log)
    async with connection as bound:
        log.append("body")
    return {"log": log, "bound": "self" if bound is connection else ("none" if bound is None else "other")}


async def connection_error(student):
    log = []
    try:
        async with student.Connection("db", log):
            log.append("body")
            raise ValueError("boom")
    except ValueError:
        return [log, "raised"]
    return [log, "swallowed"]


async def items_with_our_session(student, url, take):
    """The first ``take`` items of iter_items(session, url) with a session of ours, breaking
    out of the async for then; the requests made through our session, the sessions the
    submission opened itself."""
    import aiohttp

    opened = _count_sessions(student)
    ours = []

    class OurSession(aiohttp.ClientSession):
        def request(self, method, url, **options):
            ours.append(str(url))
            return super().request(method, url, **options)

    items = []
    async with OurSession() as session:
        async for item in student.iter_items(session, url):
            items.append(item)
            if len(items) >= take:
                break
    return {"items": items, "ours": ours, "sessions": opened[0]}


async def first_items_counted(student, url, limit):
    """first_items(url, limit) and the sessions it opened."""
    opened = _count_sessions(student)
    items = await student.first_items(url, limit)
    return {"items": items, "sessions": opened[0]}
