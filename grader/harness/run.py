"""Entry point of the grading harness: /usr/bin/python3 -I -B run.py

Protocol (grader/CONTRACT.md): one JSON line on standard input, the result
document framed on fd 3, the student's output on fds 1 and 2.
"""

import os
import sys

# The clock leans on CPython 3.11 internals (_selector, _scheduled, _ready,
# Handle._run, executor work items): refuse any other version.
PINNED_VERSION = (3, 11)

if sys.version_info[:2] != PINNED_VERSION:
    sys.stderr.write(f"awaitable harness: Python {PINNED_VERSION[0]}.{PINNED_VERSION[1]} required, "
                     f"found {sys.version.split()[0]}\n")
    sys.exit(70)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from awaitable.runner import main  # noqa: E402

main()
