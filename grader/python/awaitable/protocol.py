"""The framing between the judge and the student's process (grader/CONTRACT.md,
"The protocol").

    judge -> student:  length (4 bytes, big-endian) | JSON payload
    student -> judge:  length (4 bytes, big-endian) | MAC (32 bytes) | JSON payload

The MAC is HMAC-SHA256 under a key the judge makes for each student process,
over an 8-byte message counter followed by the payload: a frame the runtime's
guard did not write (a raw write to the socket), a replayed or a reordered
one does not verify. Only the guard (runtime/guard.py) holds the key in the
student's process.
"""

from __future__ import annotations

import _sha256
import json
import os
import struct

from .contract import MAX_FRAME_BYTES

HEADER = struct.Struct(">I")
MAC_BYTES = 32


class FrameError(Exception):
    """A frame that is malformed, too large or not authentic."""


_INNER_PAD = bytes(byte ^ 0x36 for byte in range(256))
_OUTER_PAD = bytes(byte ^ 0x5C for byte in range(256))


def signer(key: bytes):
    """HMAC-SHA256 (RFC 2104) under ``key`` as a function of (sequence,
    payload): the key's two padded blocks are hashed once, each frame then
    costs two copies of those states. CPython's own SHA-256 (``_sha256``),
    not OpenSSL's, whose first use in each forked process cost ~0.3 ms."""
    if len(key) > 64:
        key = _sha256.sha256(key).digest()
    block = key.ljust(64, b"\0")
    inner_copy = _sha256.sha256(block.translate(_INNER_PAD)).copy
    outer_copy = _sha256.sha256(block.translate(_OUTER_PAD)).copy
    to_bytes = int.to_bytes
    del key, block

    def sign(sequence: int, payload: bytes) -> bytes:
        inner = inner_copy()
        inner.update(to_bytes(sequence, 8, "big"))
        inner.update(payload)
        outer = outer_copy()
        outer.update(inner.digest())
        return outer.digest()
    return sign


def encode_command(message: dict) -> bytes:
    payload = json.dumps(message, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    return HEADER.pack(len(payload)) + payload


class Reader:
    """Reassembles frames from a non-blocking or blocking byte stream."""

    def __init__(self, authenticated: bool) -> None:
        self.buffer = bytearray()
        self.authenticated = authenticated

    def feed(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > MAX_FRAME_BYTES + HEADER.size + MAC_BYTES + (1 << 16):
            # More than one maximal frame waiting: whoever writes is not the runtime.
            raise FrameError("more data than any frame can hold")

    def has_frame(self) -> bool:
        if len(self.buffer) < HEADER.size:
            return False
        (length,) = HEADER.unpack_from(self.buffer)
        return len(self.buffer) >= HEADER.size + (MAC_BYTES if self.authenticated else 0) + min(length, MAX_FRAME_BYTES + 1)

    def next(self):
        """The next complete frame as (mac, payload), or None."""
        if len(self.buffer) < HEADER.size:
            return None
        (length,) = HEADER.unpack_from(self.buffer)
        if length > MAX_FRAME_BYTES:
            raise FrameError(f"a frame of {length} bytes (the limit is {MAX_FRAME_BYTES})")
        extra = MAC_BYTES if self.authenticated else 0
        total = HEADER.size + extra + length
        if len(self.buffer) < total:
            return None
        tag = bytes(self.buffer[HEADER.size:HEADER.size + extra])
        payload = bytes(self.buffer[HEADER.size + extra:total])
        del self.buffer[:total]
        return tag, payload


def read_command(fd: int) -> dict | None:
    """Blocking read of one judge -> student frame; None at end of stream."""
    header = _read_exactly(fd, HEADER.size)
    if header is None:
        return None
    (length,) = HEADER.unpack(header)
    if length > MAX_FRAME_BYTES:
        raise FrameError("command too large")
    payload = _read_exactly(fd, length)
    if payload is None:
        raise FrameError("the stream ended inside a frame")
    return json.loads(payload)


def _read_exactly(fd: int, count: int) -> bytes | None:
    chunks = []
    remaining = count
    while remaining:
        chunk = os.read(fd, remaining)
        if not chunk:
            if remaining == count:
                return None
            raise FrameError("the stream ended inside a frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
