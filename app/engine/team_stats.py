"""What the Team tab's charts show, counted from the same LeadFacts as the KPIs.

Qt-free, so the numbers behind every bar are tested without a screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo

from app.core.kpi import WITHIN_S, LeadFacts

TEAM = "team"  # the team row's key, as in `leadpop report`
# Time from SLA start to the first call: ≤ 2 min, 2–5 min, 5–30 min, 30 min–2 h, later, never.
SPEED_LIMITS_S = (WITHIN_S, 5 * 60, 30 * 60, 2 * 3600)
SPEED_BUCKETS = ("le2m", "le5m", "le30m", "le2h", "later", "never")
# Calls made on a lead that was never reached: the "80% never call three times" chart.
ATTEMPT_GROUPS = ("0", "1", "2", "3+")


def speed_bucket(f: LeadFacts) -> int:
    """Index into SPEED_BUCKETS; the limits are inclusive, as the 2-minute KPI is."""
    seconds = f.first_call_s
    if seconds is None:
        return len(SPEED_BUCKETS) - 1
    for i, limit in enumerate(SPEED_LIMITS_S):
        if seconds <= limit:
            return i
    return len(SPEED_LIMITS_S)


@dataclass(frozen=True)
class TeamStats:
    people: tuple[str, ...]  # owners in the period, as `leadpop report` orders them
    speed: dict[str, tuple[int, ...]]  # person (and TEAM) -> leads per SPEED_BUCKETS
    attempts: dict[str, tuple[int, ...]]  # person (and TEAM) -> unreached leads per group
    funnel: tuple[int, int, int, int]  # leads, reached, appointment, sold
    speed_by_hour: dict[int, tuple[int, ...]]  # local hour the lead landed -> per bucket

    @property
    def empty(self) -> bool:
        return self.funnel[0] == 0


def _count(indexes: Iterable[int], size: int) -> tuple[int, ...]:
    counts = [0] * size
    for i in indexes:
        counts[i] += 1
    return tuple(counts)


def team_stats(facts: Iterable[LeadFacts], tz: tzinfo) -> TeamStats:
    leads = list(facts)
    by_owner: dict[str, list[LeadFacts]] = {}
    for f in leads:
        by_owner.setdefault(f.owner, []).append(f)
    people = tuple(sorted(by_owner))
    groups = {**{p: by_owner[p] for p in people}, TEAM: leads}
    n_speed, n_att = len(SPEED_BUCKETS), len(ATTEMPT_GROUPS)
    by_hour: dict[int, list[int]] = {}
    for f in leads:
        by_hour.setdefault(f.received_at.astimezone(tz).hour, []).append(speed_bucket(f))
    return TeamStats(
        people=people,
        speed={k: _count((speed_bucket(f) for f in g), n_speed) for k, g in groups.items()},
        attempts={
            k: _count((min(len(f.calls), n_att - 1) for f in g if not f.reached), n_att)
            for k, g in groups.items()
        },
        funnel=(
            len(leads),
            sum(1 for f in leads if f.reached),
            sum(1 for f in leads if f.appointment),
            sum(1 for f in leads if f.sold),
        ),
        speed_by_hour={h: _count(b, n_speed) for h, b in sorted(by_hour.items())},
    )
