"""Drives the submission's mirror() and read_back() from inside its process
(see tests.py): each scenario makes a fresh folder under /tmp, runs the
submission on it, and returns what the tests check (the folder, what the
submission returned, what the files hold, how many aiohttp sessions the
submission made) as plain data."""

import os
import shutil
import tempfile
import types


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


async def mirror_into_fresh_folder(student, urls):
    folder = _fresh_folder()
    opened = _count_sessions(student)
    try:
        result = await student.mirror(urls, folder)
        contents = [_content(os.path.join(folder, f"{index}.json")) for index in range(len(urls))]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"folder": folder, "result": result, "contents": contents, "sessions": opened[0]}


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
