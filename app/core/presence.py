"""Who is at a showroom PC right now, as each PC announces it in the shared inbox.

Every running Leadpop writes one small record (who, which PC, their availability, when)
and refreshes it on a slow timer. A record not refreshed within `PRESENCE_TIMEOUT` means
the PC is away (switched off, crashed, off the network), whatever it said last. Pure: the
inbox stores the records, routing (app.core.offer) reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from app.core.timefmt import from_text, to_utc_text

# A PC refreshes its record every REFRESH; three missed refreshes and it counts as away.
PRESENCE_REFRESH = timedelta(seconds=30)
PRESENCE_TIMEOUT = timedelta(seconds=100)


class Status(StrEnum):
    """What a PC announces (the Availability words, plus `offline` on a clean quit)."""

    AVAILABLE = "available"
    WITH_CUSTOMER = "with_customer"
    ON_BREAK = "on_break"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Presence:
    user: str
    host: str
    status: Status
    seen: datetime  # when the PC last announced (aware)
    role: str = "salesperson"
    until: datetime | None = None  # "with a customer" / "on a break" ends by itself then

    @property
    def client(self) -> str:
        return f"{self.user}@{self.host}"

    def status_at(self, now: datetime, timeout: timedelta = PRESENCE_TIMEOUT) -> Status:
        """The status as it holds at `now`: OFFLINE once the record is stale, AVAILABLE
        again once a timed "with a customer" / "on a break" has run out."""
        if now - self.seen > timeout:
            return Status.OFFLINE
        if self.until is not None and self.status != Status.OFFLINE and now >= self.until:
            return Status.AVAILABLE
        return self.status

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "v": 1,
            "user": self.user,
            "host": self.host,
            "status": str(self.status),
            "seen": to_utc_text(self.seen),
            "role": self.role,
        }
        if self.until is not None:
            data["until"] = to_utc_text(self.until)
        return json.dumps(data, ensure_ascii=True, sort_keys=True).encode("ascii")

    @classmethod
    def from_json(cls, raw: bytes | str) -> Presence | None:
        """The record, or None for anything unreadable (another PC's half-written or a
        newer Leadpop's record must never stop routing)."""
        try:
            data = json.loads(raw)
            user, host = data["user"], data["host"]
            seen = datetime.fromisoformat(data["seen"])
            status = Status(data["status"])
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(user, str) or not isinstance(host, str) or seen.tzinfo is None:
            return None
        try:
            until = from_text(data["until"]) if isinstance(data.get("until"), str) else None
        except ValueError:
            until = None
        if until is not None and until.tzinfo is None:
            until = None
        role = data.get("role") if isinstance(data.get("role"), str) else "salesperson"
        return cls(user, host, status, seen, role, until)


def present(records: list[Presence], now: datetime) -> list[Presence]:
    """One record per user (their most recent PC), with the status that holds at `now`,
    sorted by user; users whose every PC is away come out OFFLINE."""

    def rank(rec: Presence) -> tuple[bool, datetime, str]:
        return (rec.status_at(now) != Status.OFFLINE, rec.seen, rec.host)

    latest: dict[str, Presence] = {}
    for rec in records:
        old = latest.get(rec.user)
        if old is None or rank(rec) > rank(old):
            latest[rec.user] = rec
    return [
        Presence(r.user, r.host, r.status_at(now), r.seen, r.role, r.until)
        for r in (latest[u] for u in sorted(latest))
    ]
