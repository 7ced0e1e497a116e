"""Drives the submission from inside its process (see tests.py): uses its
Connection in an ``async with``, normally and with a body that raises, and
returns the log it wrote (what ``as`` bound, whether the body's exception came
out); walks its iter_items with a session of ours; counts the aiohttp
sessions the submission opens itself."""



def _count_sessions(student):
    """Counts the aiohttp ClientSessions made from now on (the fake aiohttp
    numbers every session it makes; aiohttp.request() makes one per call).
    Returns a function that gives the count so far."""
    import aiohttp

    start = aiohttp.sessions["made"]
    return lambda: aiohttp.sessions["made"] - start


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
    return {"items": items, "ours": ours, "sessions": opened() - 1}  # not counting ours


async def first_items_counted(student, url, limit):
    """first_items(url, limit) and the sessions it opened."""
    opened = _count_sessions(student)
    items = await student.first_items(url, limit)
    return {"items": items, "sessions": opened()}
