"""Drives the submission's crawl() from inside its process (see tests.py)
and counts the aiohttp sessions it opens."""



def _count_sessions(student):
    """Counts the aiohttp ClientSessions made from now on (the fake aiohttp
    numbers every session it makes; aiohttp.request() makes one per call).
    Returns a function that gives the count so far."""
    import aiohttp

    start = aiohttp.sessions["made"]
    return lambda: aiohttp.sessions["made"] - start


async def crawl_counted(student, urls, options):
    """crawl(urls, **options) and the number of sessions it opened."""
    opened = _count_sessions(student)
    result = await student.crawl(urls, **options)
    return {"result": result, "sessions": opened()}
