"""Drives SingleFlight from inside the submission's process (see tests.py).
Every scenario returns (what it checks, the keys fetch was called with)."""

import asyncio


def _make_fetch(calls):
    async def fetch(key):
        calls.append(key)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            calls.append(f"cancelled {key}")
            raise
        if key.startswith("bad"):
            raise KeyError(key)
        return key.upper()
    return fetch


def _cache(student):
    calls = []
    return student.SingleFlight(_make_fetch(calls)), calls


async def dedup(student):
    cache, calls = _cache(student)

    async def late():
        await asyncio.sleep(0.5)  # joins while the fetch is half done
        return await cache.get("a")
    return await asyncio.gather(*(cache.get("a") for _ in range(5)), late()), calls


async def cached(student):
    cache, calls = _cache(student)
    first = await cache.get("a")
    loop = asyncio.get_running_loop()
    before = loop.time()
    second = await cache.get("a")
    return (first, second, loop.time() - before), calls


async def keys_independent(student):
    cache, calls = _cache(student)
    return await asyncio.gather(cache.get("a"), cache.get("b")), calls


async def errors_not_cached(student):
    cache, calls = _cache(student)
    first = await asyncio.gather(*(cache.get("bad") for _ in range(3)), return_exceptions=True)
    second = await asyncio.gather(cache.get("bad"), return_exceptions=True)
    return first + second, calls


async def cancel_one_waiter(student):
    cache, calls = _cache(student)

    async def impatient():
        try:
            return await asyncio.wait_for(cache.get("a"), 0.5)
        except asyncio.TimeoutError:
            return "timeout"
    first = await asyncio.gather(impatient(), cache.get("a"), return_exceptions=True)

    # Then the impatient caller is surely the first: it starts the fetch of "b", the other joins at 0.1 s.
    async def impatient_first():
        try:
            return await asyncio.wait_for(cache.get("b"), 0.5)
        except asyncio.TimeoutError:
            return "timeout"

    async def joins_later():
        await asyncio.sleep(0.1)
        try:
            return await asyncio.wait_for(cache.get("b"), 3)
        except asyncio.TimeoutError:
            return "nothing within 3 s"
    second = await asyncio.gather(impatient_first(), joins_later(), return_exceptions=True)
    return list(first) + list(second), calls
