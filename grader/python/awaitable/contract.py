"""The grader's cross-language constants, from grader/contract.json (the one
source TypeScript reads too)."""

from __future__ import annotations

import json
import os

_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "contract.json")

with open(_PATH, encoding="utf-8") as _file:
    CONTRACT: dict = json.load(_file)

RESULT_VERSION: int = CONTRACT["resultVersion"]
PROTOCOL_VERSION: int = CONTRACT["protocolVersion"]
PYTHON: tuple = tuple(CONTRACT["python"])
VERDICTS: frozenset = frozenset(CONTRACT["verdicts"])
MISCONCEPTIONS: frozenset = frozenset(CONTRACT["misconceptions"])
EXIT_CODES: dict = dict(CONTRACT["exitCodes"])
LIMIT_NAMES: tuple = tuple(CONTRACT["limits"])
CPU_BLOCKING_UNITS: float = float(CONTRACT["cpu"]["blockingUnits"])
CPU_UNIT_SECONDS: float = float(CONTRACT["cpu"]["unitSeconds"])
DEADLOCK_GRACE_SECONDS: float = CONTRACT["deadlockGraceMs"] / 1000
MAX_EVENTS: int = CONTRACT["maxEvents"]
MAX_FRAME_BYTES: int = CONTRACT["maxFrameBytes"]
RESULT_BOUNDS: dict = {key: value for key, value in CONTRACT["resultBounds"].items() if not key.startswith("$")}
