"""Team KPIs (DESIGN.md): one function feeds `leadpop report` and the Team tab alike."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.events import REACHED_OUTCOMES
from app.core.hours import OpeningHours

WITHIN_S = 120


@dataclass
class LeadFacts:
    """Everything the KPIs need about one lead, folded from its events."""

    lead: str
    received_at: datetime
    sla_start: datetime
    owner: str
    name: str = ""
    source: str = ""
    claimed_at: datetime | None = None
    calls: list[tuple[datetime, int, str, str]] = field(
        default_factory=list
    )  # ts, attempt, outcome, user
    sold: bool = False
    lost: bool = False
    lost_reason: str | None = None

    @property
    def first_call_s(self) -> float | None:
        if not self.calls:
            return None
        return max(0.0, (self.calls[0][0] - self.sla_start).total_seconds())

    @property
    def reached(self) -> bool:
        return any(c[2] in REACHED_OUTCOMES for c in self.calls)

    @property
    def appointment(self) -> bool:
        return any(c[2] == "appointment" for c in self.calls)

    def detail_row(self, tz: Any) -> dict[str, Any]:
        """One CSV row per lead: owner, times, attempts and outcomes."""

        def loc(d: datetime | None) -> str:
            return d.astimezone(tz).isoformat(timespec="seconds") if d else ""

        return {
            "lead": self.lead,
            "owner": self.owner,
            "source": self.source,
            "received_at": loc(self.received_at),
            "sla_start": loc(self.sla_start),
            "first_call_at": loc(self.calls[0][0]) if self.calls else "",
            "first_call_s": "" if self.first_call_s is None else round(self.first_call_s),
            "attempts": len(self.calls),
            "outcomes": " ".join(c[2] for c in self.calls),
            "reached": int(self.reached),
            "appointment": int(self.appointment),
            "sold": int(self.sold),
            "lost": int(self.lost),
        }


def fold_events(events: Iterable[dict[str, Any]], hours: OpeningHours) -> dict[str, LeadFacts]:
    """Fold (already deduplicated) events into per-lead facts.

    Events may come in any order: they are sorted by time first. A lead that was never
    claimed has no received_at, so it can't be placed in a period and is left out.
    """
    # Each time is parsed once, and sorted as a number (comparing datetimes with different
    # UTC offsets is slow): a first build folds a year of events.
    stamped = []
    for e in events:
        ts = datetime.fromisoformat(e["ts"])
        stamped.append((ts.timestamp(), e["id"], ts, e))
    stamped.sort(key=_instant_and_id)
    facts: dict[str, LeadFacts] = {}
    pending: dict[str, list[tuple[datetime, dict[str, Any]]]] = {}
    for _, _, ts, ev in stamped:
        lead, typ = ev["lead"], ev["type"]
        if typ == "claimed":
            try:
                received = datetime.fromisoformat(ev["received_at"])
            except (KeyError, TypeError, ValueError):
                received = ts
            if received.tzinfo is None:
                received = received.replace(tzinfo=ts.tzinfo)
            f = facts.get(lead)
            if f is None:
                f = facts[lead] = LeadFacts(
                    lead=lead,
                    received_at=received,
                    sla_start=hours.sla_start(received),
                    owner=ev["user"],
                    name=str(ev.get("name") or ""),
                    source=str(ev.get("source") or ""),
                    claimed_at=ts,
                )
                for early_ts, early in pending.pop(lead, []):
                    _apply(f, early, early_ts)
            else:
                f.owner = ev["user"]  # the latest claim wins (reassignment)
            continue
        f = facts.get(lead)
        if f is None:
            # A call logged before its claim arrived.
            pending.setdefault(lead, []).append((ts, ev))
        else:
            _apply(f, ev, ts)
    return facts


def _instant_and_id(item: tuple[float, str, datetime, dict[str, Any]]) -> tuple[float, str]:
    return item[0], item[1]


def _apply(f: LeadFacts, ev: dict[str, Any], ts: datetime) -> None:
    typ = ev["type"]
    if typ == "call":
        attempt = ev.get("attempt")
        f.calls.append(
            (
                ts,
                attempt if isinstance(attempt, int) else len(f.calls) + 1,
                str(ev.get("outcome", "")),
                ev["user"],
            )
        )
        f.calls.sort(key=lambda c: c[0])
    elif typ == "sold":
        f.sold = True
    elif typ == "lost":
        f.lost = True
        f.lost_reason = ev.get("reason")


def _pct(n: int, d: int) -> float | None:
    return None if d == 0 else round(100.0 * n / d, 1)


def kpis(leads: list[LeadFacts]) -> dict[str, Any]:
    """The KPI block of DESIGN.md for a set of leads."""
    n = len(leads)
    firsts = [f.first_call_s for f in leads if f.first_call_s is not None]
    unreached = [f for f in leads if not f.reached]
    return {
        "leads": n,
        "first_call_median_s": round(statistics.median(firsts), 1) if firsts else None,
        "within_2min_pct": _pct(
            sum(1 for f in leads if f.first_call_s is not None and f.first_call_s <= WITHIN_S), n
        ),
        "reached_pct": _pct(n - len(unreached), n),
        "three_attempts_pct": _pct(sum(1 for f in unreached if len(f.calls) >= 3), len(unreached)),
        "appointment_pct": _pct(sum(1 for f in leads if f.appointment), n),
        "sold_pct": _pct(sum(1 for f in leads if f.sold), n),
    }


KPI_KEYS = (
    "leads",
    "first_call_median_s",
    "within_2min_pct",
    "reached_pct",
    "three_attempts_pct",
    "appointment_pct",
    "sold_pct",
)


def in_period(facts: Iterable[LeadFacts], since: datetime, until: datetime) -> list[LeadFacts]:
    return [f for f in facts if since <= f.received_at < until]


def team_report(facts: Iterable[LeadFacts], since: datetime, until: datetime) -> dict[str, Any]:
    """`{"since", "until", "salespeople": [{"user", ...KPIs}], "team": {...KPIs}}`."""
    chosen = in_period(facts, since, until)
    by_owner: dict[str, list[LeadFacts]] = {}
    for f in chosen:
        by_owner.setdefault(f.owner, []).append(f)
    return {
        "since": since.isoformat(timespec="seconds"),
        "until": until.isoformat(timespec="seconds"),
        "salespeople": [{"user": u, **kpis(by_owner[u])} for u in sorted(by_owner)],
        "team": kpis(chosen),
    }
