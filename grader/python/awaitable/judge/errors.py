"""The student's error as the result document shows it.

What the student's process reports about an exception or a syntax error is
its own account (grader/CONTRACT.md, "Trust"): the judge keeps only text and
numbers of the expected types, bounded, and trims the traceback to the
submission's own frames here, whatever the process sent. The learner sees
where *their* code went wrong: no frame of asyncio, the standard library,
the exercise's scenarios or the grader, only the lines of the submission and
the exception itself (with its causes and the sub-exceptions of a group).
"""

from __future__ import annotations

import re

TYPE_CHARACTERS = 200
MESSAGE_CHARACTERS = 4000
TRACEBACK_CHARACTERS = 32_000

# A frame's first line, at any depth of an exception group's margin ("  | ").
_FRAME = re.compile(r'^(?P<margin>[ |]*)File "(?P<file>.*)", line (?P<line>\d+)(?:, in .*)?$')
_REPEATED = re.compile(r"^[ |]*\[Previous line repeated \d+ more times?\]$")
_HEADER = re.compile(r"^[ |+]*(?:Exception Group )?Traceback \(most recent call last\):$")


def trim_traceback(text: str, submission: str) -> str:
    """``text`` with every frame of a file other than ``submission`` left out
    (its "File" line, its source line and its carets), and a "Traceback"
    header left with no frame under it dropped too."""
    kept: list[tuple[str, bool]] = []  # (line, is a frame's first line)
    keeping = True  # inside a frame block: whether it is the submission's
    margin: str | None = None
    for line in text.splitlines():
        frame = _FRAME.match(line)
        if frame:
            margin = frame.group("margin")
            keeping = frame.group("file") == submission
            if keeping:
                kept.append((line, True))
            continue
        if margin is not None and (line.startswith(margin + "  ") or _REPEATED.match(line)):
            if keeping:
                kept.append((line, False))
            continue
        margin = None
        kept.append((line, False))
    lines = [line for index, (line, _) in enumerate(kept)
             if not (_HEADER.match(line) and not (index + 1 < len(kept) and kept[index + 1][1]))]
    trimmed = "\n".join(lines) + ("\n" if lines else "")
    if len(trimmed) > TRACEBACK_CHARACTERS:
        # The end holds the exception and the innermost frames: keep it.
        trimmed = "…\n" + trimmed[-(TRACEBACK_CHARACTERS - 2):]
    return trimmed


def last_student_line(traceback_text: str, submission: str, source_lines: int) -> int | None:
    """The line of the innermost frame of the submission's in the trimmed
    traceback (the last one printed: the exception's own, after its causes),
    if it is a line of the submission."""
    line = None
    for text in traceback_text.splitlines():
        frame = _FRAME.match(text)
        if frame and frame.group("file") == submission:
            line = int(frame.group("line"))
    if line is None or line < 1:
        return None
    # A syntax error at the end of the file points one past the last line.
    return min(line, max(source_lines, 1))


def _text(value, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def student_error(error: dict | None, submission: dict, *, syntax: bool = False) -> dict:
    """``{type, message, line, column, traceback}`` of the student's exception
    (or syntax error) as reported, checked and trimmed. ``line`` is a line
    of the submission or None; ``column`` (1-based, Python's
    ``SyntaxError.offset``) only for a syntax error."""
    error = error if isinstance(error, dict) else {}
    name = str(submission["name"])
    source_lines = len(str(submission["source"]).splitlines())
    reported = error.get("traceback") if isinstance(error.get("traceback"), str) else ""
    # Its end holds the exception: what is cut of a text far too long is its start.
    traceback_text = trim_traceback(reported[-4 * TRACEBACK_CHARACTERS:], name)
    column = error.get("column")
    column = column if syntax and type(column) is int and column >= 1 else None
    # The line comes from the trimmed text, not from the process's own "line".
    line = last_student_line(traceback_text, name, source_lines)
    return {
        "type": _text(error.get("type"), TYPE_CHARACTERS) or "Exception",
        "message": _text(error.get("message"), MESSAGE_CHARACTERS),
        "line": line,
        "column": column if line is not None else None,
        "traceback": traceback_text,
    }
