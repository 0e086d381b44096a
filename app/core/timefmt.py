"""Text forms of stored times: UTC ISO 8601, so string order is time order in SQLite.

Two precisions, named for it: whole seconds for what a person or the activity log sees,
microseconds where two events in the same second must still sort apart (the KPI table).
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc_text(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("naive datetime; every stored time carries an offset")
    return when.astimezone(UTC).isoformat(timespec="seconds")


def to_utc_text_exact(when: datetime) -> str:
    """Full-precision UTC ISO text; its string order is time order."""
    if when.tzinfo is None:
        raise ValueError("naive datetime; every stored time carries an offset")
    return when.astimezone(UTC).isoformat()


def from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
