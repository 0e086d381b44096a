"""Team KPIs (the README's 'Team KPIs'): one function feeds `leadpop report` and the Team tab."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from app.core.events import REACHED_OUTCOMES

WITHIN_S = 120


@dataclass(slots=True)
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

    # Worked out once: a report asks each lead several times (team and salesperson rows,
    # charts). LeadFacts are built whole (app.core.fold) and not changed afterwards.
    first_call_s: float | None = field(init=False, repr=False, compare=False)
    reached: bool = field(init=False, repr=False, compare=False)
    appointment: bool = field(init=False, repr=False, compare=False)
    attempts: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        calls = self.calls
        self.first_call_s = first_call_s(calls[0][0], self.sla_start) if calls else None
        reached = appointment = False
        for c in calls:
            if c[2] in REACHED_OUTCOMES:
                reached = True
                if c[2] == "appointment":
                    appointment = True
        self.reached, self.appointment, self.attempts = reached, appointment, len(calls)

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


def _median(values: list[float]) -> float:
    """statistics.median, without importing it (and fractions) into every start-up."""
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def _pct(n: int, d: int) -> float | None:
    return None if d == 0 else round(100.0 * n / d, 1)


def first_call_s(first_call: datetime, sla_start: datetime) -> float:
    """Speed to first call: from the SLA start (a call before it counts as 0)."""
    return max(0.0, (first_call - sla_start).total_seconds())


@dataclass(slots=True)
class KpiLead:
    """Only what the KPIs read of a lead: what `leadpop report` loads (app.store)."""

    lead: str
    owner: str
    received_at: datetime
    first_call_s: float | None
    attempts: int
    reached: bool
    appointment: bool
    sold: bool


_L = TypeVar("_L", bound=KpiLead | LeadFacts)  # the KPIs read the fields both have


def kpis(leads: Sequence[KpiLead | LeadFacts]) -> dict[str, Any]:
    """The KPI block for a set of leads (one pass: a year is 50,000 leads)."""
    n = len(leads)
    firsts: list[float] = []
    within = reached = three = appointments = sold = 0
    for f in leads:
        first = f.first_call_s
        if first is not None:
            firsts.append(first)
            if first <= WITHIN_S:
                within += 1
        if f.reached:
            reached += 1
        elif f.attempts >= 3:
            three += 1
        if f.appointment:
            appointments += 1
        if f.sold:
            sold += 1
    return {
        "leads": n,
        "first_call_median_s": round(_median(firsts), 1) if firsts else None,
        "within_2min_pct": _pct(within, n),
        "reached_pct": _pct(reached, n),
        "three_attempts_pct": _pct(three, n - reached),
        "appointment_pct": _pct(appointments, n),
        "sold_pct": _pct(sold, n),
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


def in_period(facts: Iterable[_L], since: datetime, until: datetime) -> list[_L]:
    # In UTC, as the stored times are: comparing across time zones costs a zone lookup each.
    lo, hi = since.astimezone(UTC), until.astimezone(UTC)
    return [f for f in facts if lo <= f.received_at < hi]


def team_report(
    facts: Iterable[KpiLead | LeadFacts], since: datetime, until: datetime
) -> dict[str, Any]:
    """`{"since", "until", "salespeople": [{"user", ...KPIs}], "team": {...KPIs}}`."""
    chosen = in_period(facts, since, until)
    by_owner: dict[str, list[KpiLead | LeadFacts]] = {}
    for f in chosen:
        by_owner.setdefault(f.owner, []).append(f)
    return {
        "since": since.isoformat(timespec="seconds"),
        "until": until.isoformat(timespec="seconds"),
        "salespeople": [{"user": u, **kpis(by_owner[u])} for u in sorted(by_owner)],
        "team": kpis(chosen),
    }
