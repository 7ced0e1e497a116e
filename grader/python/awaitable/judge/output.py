"""What the judge keeps of one test's output.

Only bytes the judge itself read from the student's pipes and forwarded to
the run's stdout and stderr are kept (never anything the process says it
printed). Each stream of a test keeps its first and last bytes, like the
runner does for the whole run (grader/output.ts), and all tests together
keep at most ``testsOutputBytes`` (grader/contract.json, "result"), so a
program printing without end cannot bloat the result document.
"""

from __future__ import annotations

import codecs

from ..contract import RESULT_BOUNDS

HEAD_BYTES: int = RESULT_BOUNDS["testOutputHeadBytes"]
TAIL_BYTES: int = RESULT_BOUNDS["testOutputTailBytes"]
TOTAL_BYTES: int = RESULT_BOUNDS["testsOutputBytes"]
STREAMS = ("stdout", "stderr")


class KeptStream:
    """The head and tail of one stream, and how many bytes it had."""

    __slots__ = ("head", "tail", "bytes")

    def __init__(self) -> None:
        self.head = bytearray()
        self.tail = bytearray()
        self.bytes = 0

    def add(self, data: bytes) -> None:
        self.bytes += len(data)
        room = HEAD_BYTES - len(self.head)
        if room > 0:
            self.head += data[:room]
            data = data[room:]
        if data:
            self.tail += data
            if len(self.tail) > TAIL_BYTES:
                del self.tail[: len(self.tail) - TAIL_BYTES]

    def kept(self) -> int:
        return len(self.head) + len(self.tail)

    def text(self, budget: int) -> str:
        """The stream as text, at most ``budget`` bytes of it (three quarters
        from the head, the rest from the tail), with a note where bytes were
        left out."""
        head, tail = bytes(self.head), bytes(self.tail)
        if len(head) + len(tail) > budget:
            tail_share = min(len(tail), max(budget // 4, budget - len(head)))
            head, tail = head[: budget - tail_share], tail[len(tail) - tail_share:] if tail_share else b""
        left_out = self.bytes - len(head) - len(tail)
        if left_out <= 0:
            return _decode(head + tail)
        return (f"{_head_text(head)}\n… [输出过长：共 {self.bytes} 字节，中间 {left_out} 字节已省略 / "
                f"output truncated: {self.bytes} bytes, {left_out} bytes in the middle left out] …\n"
                f"{_decode(_cut_start(tail))}")


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "backslashreplace")


def _head_text(data: bytes) -> str:
    """The text of ``data`` without a UTF-8 character cut in two at its end
    (an incremental decoder holds such bytes back for the rest)."""
    return codecs.getincrementaldecoder("utf-8")("backslashreplace").decode(data, final=False)


def _cut_start(data: bytes) -> bytes:
    """Without the continuation bytes of a character cut at its start."""
    start = 0
    while start < min(3, len(data)) and data[start] & 0xC0 == 0x80:
        start += 1
    return data[start:]


class TestOutput:
    """One test's stdout and stderr, as the judge forwarded them."""

    def __init__(self) -> None:
        self.streams = {stream: KeptStream() for stream in STREAMS}

    def add(self, stream: str, data: bytes) -> None:
        self.streams[stream].add(data)


def output_texts(outputs: list[TestOutput | None]) -> list[dict[str, str]]:
    """``{stdout, stderr}`` of each test, within the budget of them all: a
    stream that needs more than its fair share (the same cap for every
    stream, as large as the total allows) keeps that share."""
    kept = [stream.kept() for output in outputs if output is not None for stream in output.streams.values()]
    cap = fair_cap(kept, TOTAL_BYTES)
    return [{stream: "" for stream in STREAMS} if output is None else
            {name: stream.text(cap) for name, stream in output.streams.items()} for output in outputs]


def fair_cap(sizes: list[int], budget: int) -> int:
    """The largest cap c with sum(min(size, c)) <= budget (water-filling):
    small items keep everything, the large ones share the rest equally."""
    if sum(sizes) <= budget:
        return max(sizes, default=0)
    remaining = budget
    ordered = sorted(sizes)
    for index, size in enumerate(ordered):
        share = remaining // (len(ordered) - index)
        if size > share:
            return share
        remaining -= size
    return ordered[-1]
