"""Learner-facing text has one shape everywhere: {"zh-CN": ..., "en": ...}."""

from __future__ import annotations


def bilingual(zh: str, en: str) -> dict:
    return {"zh-CN": zh, "en": en}


def seconds(value: float) -> str:
    """Durations as a learner reads them: 0.5, 1.5, 100.25."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text else "0"
