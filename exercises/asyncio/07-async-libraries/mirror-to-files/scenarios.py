"""Drives the submission's mirror() and read_back() from inside its process
(see tests.py): each scenario makes a fresh folder under /tmp, runs the
submission on it, and returns what the tests check (the folder, what the
submission returned, what the files hold, how many aiohttp sessions the
submission made) as plain data."""

import os
import shutil
import tempfile


def _fresh_folder():
    return tempfile.mkdtemp(dir="/tmp")


def _content(path):
    """What the file holds, or None when it does not exist."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None


def _count_sessions(student):
    """Counts the aiohttp ClientSessions made from now on (the fake aiohttp
    numbers every session it makes; aiohttp.request() makes one per call).
    Returns a function that gives the count so far."""
    import aiohttp

    start = aiohttp.sessions["made"]
    return lambda: aiohttp.sessions["made"] - start


async def mirror_into_fresh_folder(student, urls):
    folder = _fresh_folder()
    opened = _count_sessions(student)
    try:
        result = await student.mirror(urls, folder)
        contents = [_content(os.path.join(folder, f"{index}.json")) for index in range(len(urls))]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"folder": folder, "result": result, "contents": contents, "sessions": opened()}


async def read_back_files(student, count):
    folder = _fresh_folder()
    try:
        paths = []
        for index in range(count):
            path = os.path.join(folder, f"{index}.txt")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(f"content {index}")
            paths.append(path)
        return await student.read_back(paths)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
