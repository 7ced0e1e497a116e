"""The student's stdout and stderr: fds 1 and 2 are pipes the judge reads, so
what the program wrote is the judge's own record. The runtime's streams only
mark where in the trace's events the bytes were written, and are flushed
before every message to the judge so that the judge has read all output
written before it."""

from __future__ import annotations

import io
import sys

from .trace import recorder


class Tee(io.TextIOBase):
    """sys.stdout/sys.stderr: passes text through and marks its place in the trace."""

    def __init__(self, inner: io.TextIOWrapper, stream: str) -> None:
        self._inner = inner
        self._stream = stream

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        written = self._inner.write(text)
        if text:
            recorder.output(self._stream, len(text.encode("utf-8", "backslashreplace")), text.endswith("\n"))
        return written

    def flush(self) -> None:
        self._inner.flush()

    def fileno(self) -> int:
        return self._inner.fileno()

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    @property
    def encoding(self):
        return self._inner.encoding

    @property
    def errors(self):
        return self._inner.errors

    @property
    def buffer(self):
        return self._inner.buffer

    def __getattr__(self, name):
        return getattr(self._inner, name)


_inner: list[io.TextIOWrapper] = []


def install_streams() -> dict:
    """New sys.stdout/sys.stderr on fds 1 and 2. Returns them by stream name
    (process pools replay their children's output there)."""
    streams = {}
    for fd, name in ((1, "stdout"), (2, "stderr")):
        raw = io.FileIO(fd, "w", closefd=False)
        inner = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", errors="backslashreplace",
                                 line_buffering=True)
        _inner.append(inner)
        streams[name] = Tee(inner, name)
    sys.stdout = streams["stdout"]
    sys.stderr = streams["stderr"]
    sys.__stdout__ = streams["stdout"]
    sys.__stderr__ = streams["stderr"]
    return streams


def flush() -> None:
    for inner in _inner:
        try:
            inner.flush()
        except Exception:  # noqa: BLE001  a closed or broken stream is the program's own affair
            pass
