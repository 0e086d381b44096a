"""Activity-log events written by hand for tests: the README's JSON Lines v1 shape."""

from __future__ import annotations

from datetime import datetime
from itertools import count
from typing import Any

_ids = count()


def ev(type_: str, lead: str, user: str, ts: datetime, **extra: Any) -> dict[str, Any]:
    """One event; every call gets a fresh id, as every real event has."""
    return {
        "v": 1,
        "id": f"e{next(_ids)}",
        "ts": ts.isoformat(),
        "type": type_,
        "lead": lead,
        "user": user,
        "host": "pc1",
        **extra,
    }


def claimed(lead: str, user: str, received: datetime, ts: datetime, **extra: Any) -> dict[str, Any]:
    return ev(
        "claimed",
        lead,
        user,
        ts,
        received_at=received.isoformat(),
        name="X",
        source="website",
        **extra,
    )


def call(lead: str, user: str, ts: datetime, attempt: int, outcome: str) -> dict[str, Any]:
    return ev("call", lead, user, ts, attempt=attempt, outcome=outcome)
