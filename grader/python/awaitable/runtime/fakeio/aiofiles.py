"""An aiofiles-like API over real files in the run's /tmp; each operation
takes the exercise's ``io.fileLatency`` of virtual time (0 by default),
served by the judge like a request."""

from __future__ import annotations

import asyncio

from .. import port
from ..trace import recorder
from . import REAL_OPEN, current_task_id, settings

__name__ = "aiofiles"


async def _pause(label: str) -> None:
    if settings["fileLatency"] <= 0:
        return
    answer = port.io({"op": "file", "label": label, "task": current_task_id()})["io"]
    task = asyncio.current_task()
    recorder.io_waiting(task, label, answer["id"])
    cancelled = True
    try:
        await asyncio.sleep(answer["wait"])
        cancelled = False
    finally:
        recorder.io_done(task, answer["id"], cancelled)


class AsyncFile:
    def __init__(self, handle, name: str) -> None:
        self._handle = handle
        self.name = name

    async def read(self, size: int = -1):
        await _pause(f"read {self.name}")
        return self._handle.read(size)

    async def readline(self):
        await _pause(f"readline {self.name}")
        return self._handle.readline()

    async def readlines(self):
        await _pause(f"readlines {self.name}")
        return self._handle.readlines()

    async def write(self, data):
        await _pause(f"write {self.name}")
        return self._handle.write(data)

    async def writelines(self, lines):
        await _pause(f"write {self.name}")
        return self._handle.writelines(lines)

    async def flush(self):
        self._handle.flush()

    async def seek(self, offset: int, whence: int = 0):
        return self._handle.seek(offset, whence)

    async def tell(self):
        return self._handle.tell()

    async def close(self):
        self._handle.close()

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line


class _OpenContextManager:
    def __init__(self, arguments: tuple, options: dict) -> None:
        self._arguments = arguments
        self._options = options
        self._file: AsyncFile | None = None

    async def _open(self) -> AsyncFile:
        name = str(self._arguments[0])
        await _pause(f"open {name}")
        return AsyncFile(REAL_OPEN(*self._arguments, **self._options), name)

    def __await__(self):
        return self._open().__await__()

    async def __aenter__(self) -> AsyncFile:
        self._file = await self._open()
        return self._file

    async def __aexit__(self, *exc_info):
        if self._file is not None:
            await self._file.close()


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):  # noqa: A001
    return _OpenContextManager((file, mode, buffering, encoding, errors, newline, closefd, opener), {})
