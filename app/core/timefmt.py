"""One text form for stored times: UTC ISO 8601, so string order is time order in SQLite."""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc_text(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("naive datetime; every stored time carries an offset")
    return when.astimezone(UTC).isoformat(timespec="seconds")


def from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
