"""Drives the submission's crawl() from inside its process (see tests.py)
and counts the aiohttp sessions it opens."""

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


async def crawl_counted(student, urls, options):
    """crawl(urls, **options) and the number of sessions it opened."""
    opened = _count_sessions(student)
    result = await student.crawl(urls, **options)
    return {"result": result, "sessions": opened[0]}
