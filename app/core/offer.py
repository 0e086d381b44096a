"""Who is offered a lead at a given second: the routing modes and the escalation stages.

Pure and deterministic, without a coordinator: every PC computes the same answer from the
same inputs (the lead's id, source and SLA start, the team's presence as the shared inbox
holds it, the dealership's policy, `now`). So two PCs never both think it is their turn,
and a PC that restarts mid-rollout finds the turn where the others are. Exactly one owner
is still decided by the inbox's atomic claim; this only decides whose screen pops.

The stages of an unclaimed lead, in seconds since its SLA start (its landing time, or the
next opening for one that landed while closed):

    0 ..............  the mode's offer (one salesperson, a group, or everyone)
    everyone_at ....  everyone (the rollout ran out, or the fallback of round robin)
    escalate_s .....  everyone again, also whoever said "Not me"; the manager is notified
    manager_s ......  the manager's PC shows the full-screen alert too
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum

from app.core.enums import OfferOrder as Order
from app.core.enums import RoutingMode as Mode
from app.core.presence import Presence, Status


class Stage(IntEnum):
    OFFER = 0  # the mode's own offer
    EVERYONE = 1  # everyone who hasn't said "Not me"
    ESCALATED = 2  # everyone, "Not me" or not; the manager is told
    MANAGER = 3  # and the manager's screen


@dataclass(frozen=True)
class SourceRule:
    """Leads whose source contains `match` (case-insensitive) go first to `users`."""

    match: str
    users: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    mode: Mode = Mode.EVERYONE
    step_s: int = 30  # N: how long one salesperson (or group) has the lead alone
    order: Order = Order.ROUND_ROBIN
    priority: tuple[str, ...] = ()
    sources: tuple[SourceRule, ...] = ()
    escalate_s: int = 120
    manager_s: int = 600


@dataclass(frozen=True)
class Offer:
    """The lead's state at one second, the same on every PC."""

    stage: Stage
    users: frozenset[str] | None  # offered to these alone; None: to everyone
    next_change: datetime | None  # when the answer may change next (None: never again)
    turn: int = -1  # which turn of the rollout (0, 1, …), -1 when offered to everyone

    def offered_to(self, user: str, *, dismissed: bool = False) -> bool:
        """Whether `user`'s PC should alert now. "Not me" holds until the escalation."""
        if dismissed and self.stage < Stage.ESCALATED:
            return False
        return self.users is None or user in self.users


@dataclass(frozen=True)
class Lead:
    id: str
    source: str
    sla_start: datetime


@dataclass(frozen=True)
class _Plan:
    """The mode's offer before everyone: a list of turns, each a set of users."""

    turns: tuple[frozenset[str], ...] = field(default_factory=tuple)


def _spin(lead_id: str, n: int) -> int:
    """Where a lead starts in a rotation of n: a stable hash of its id, the same on every
    PC and after every restart (Python's hash() is salted per process)."""
    digest = hashlib.sha256(lead_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n


def candidates(presence: Iterable[Presence]) -> list[str]:
    """Salespeople who can take a call now: present, available, not a manager; by name."""
    return sorted(
        {p.user for p in presence if p.status == Status.AVAILABLE and p.role != "manager"}
    )


def _plan(lead: Lead, ready: Sequence[str], policy: Policy) -> _Plan:
    if policy.mode == Mode.EVERYONE or not ready:
        return _Plan()
    if policy.mode == Mode.BY_SOURCE:
        source = lead.source.lower()
        for rule in policy.sources:
            if rule.match and rule.match.lower() in source:
                group = frozenset(u for u in rule.users if u in ready)
                return _Plan((group,) if group else ())
        return _Plan()
    if policy.order == Order.PRIORITY and policy.priority:
        ordered = [u for u in dict.fromkeys(policy.priority) if u in ready]
    else:
        start = _spin(lead.id, len(ready))
        ordered = [*ready[start:], *ready[:start]]
    if policy.mode == Mode.ROUND_ROBIN:
        ordered = ordered[:1]
    return _Plan(tuple(frozenset({u}) for u in ordered))


def offer(lead: Lead, presence: Iterable[Presence], policy: Policy, now: datetime) -> Offer:
    """Who is offered `lead` at `now`.

    `presence` is the team as the shared inbox holds it (app.core.presence.present), so
    every PC sees the same list. Before the SLA start (a lead waiting for opening time)
    the answer is the first stage's, with `next_change` the SLA start.
    """
    elapsed = max(0.0, (now - lead.sla_start).total_seconds())

    def at(seconds: float) -> datetime:
        return lead.sla_start + timedelta(seconds=seconds)

    if elapsed >= policy.manager_s:
        return Offer(Stage.MANAGER, None, None)
    if elapsed >= policy.escalate_s:
        return Offer(Stage.ESCALATED, None, at(policy.manager_s))
    plan = _plan(lead, candidates(presence), policy)
    step = max(1, policy.step_s)
    turn = int(elapsed // step)
    escalate = at(policy.escalate_s)
    if turn < len(plan.turns):
        change = min(at((turn + 1) * step), escalate)
        if now < lead.sla_start:
            change = lead.sla_start
        return Offer(Stage.OFFER, plan.turns[turn], change, turn)
    return Offer(Stage.EVERYONE, None, escalate)


class PolicyError(ValueError):
    """A routing setting that can't be understood (the message says how to write it)."""


def parse_names(text: str) -> tuple[str, ...]:
    """``"Anna, Bram de Vries"`` -> ("Anna", "Bram de Vries"): the priority list."""
    return tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))


def parse_sources(text: str) -> tuple[SourceRule, ...]:
    """``"leaseplan: Anna, Bram; marktplaats: Dirk"``: a source (a word of the lead's
    source, e.g. the portal) and the group that gets its leads first; rules by ';'."""
    rules = []
    for raw in text.split(";"):
        if not raw.strip():
            continue
        match, sep, names = raw.partition(":")
        users = parse_names(names)
        if not sep or not match.strip() or not users:
            raise PolicyError(
                f"can't read source rule {raw.strip()!r}; "
                "write e.g. 'leaseplan: Anna, Bram; marktplaats: Dirk'"
            )
        rules.append(SourceRule(match.strip(), users))
    return tuple(rules)


def policy_from(values: dict[str, object] | None) -> Policy:
    """The Policy from the checked settings (app.settings.registry's [routing] keys);
    anything missing keeps its default."""
    get = (values or {}).get
    default = Policy()

    def number(key: str, fallback: int) -> int:
        value = get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else fallback

    return Policy(
        mode=Mode(get("routing") or default.mode),
        step_s=number("offer_seconds", default.step_s),
        order=Order(get("offer_order") or default.order),
        priority=parse_names(str(get("priority") or "")),
        sources=parse_sources(str(get("source_rules") or "")),
        manager_s=number("manager_alert_min", default.manager_s // 60) * 60,
    )
