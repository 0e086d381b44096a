"""The offer order: who is offered a lead at each second, the same on every PC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from app.core.enums import Role
from app.core.offer import (
    Lead,
    Mode,
    Order,
    Policy,
    PolicyError,
    SourceRule,
    Stage,
    candidates,
    offer,
    parse_sources,
    policy_from,
)
from app.core.presence import Presence, Status
from app.core.routing import Route, manager_due, route

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TEAM = ("anna", "bram", "chantal", "dirk")


def team(*away: str, status: Status = Status.ON_BREAK) -> list[Presence]:
    out = [Presence(u, f"pc-{u}", status if u in away else Status.AVAILABLE, T0) for u in TEAM]
    return [*out, Presence("marco", "pc-office", Status.AVAILABLE, T0, role="manager")]


def who(lead: Lead, policy: Policy, presence: list[Presence], second: int) -> frozenset[str] | None:
    return offer(lead, presence, policy, lead.sla_start + timedelta(seconds=second)).users


def timeline(lead: Lead, policy: Policy, presence: list[Presence]) -> list[frozenset[str] | None]:
    return [who(lead, policy, presence, s) for s in range(0, 700)]


LEAD = Lead("lead-1", "autoscout24.nl", T0)


def test_everyone_at_once_is_everyone_from_the_first_second() -> None:
    steps = timeline(LEAD, Policy(), team())
    assert set(steps) == {None}
    stages = [
        offer(LEAD, team(), Policy(), T0 + timedelta(seconds=s)).stage
        for s in (0, 119, 120, 599, 600)
    ]
    assert stages == [
        Stage.EVERYONE,
        Stage.EVERYONE,
        Stage.ESCALATED,
        Stage.ESCALATED,
        Stage.MANAGER,
    ]


def test_rollout_gives_each_available_salesperson_one_turn_then_everyone() -> None:
    policy = Policy(Mode.ROLLOUT, step_s=30)
    steps = timeline(LEAD, policy, team("chantal"))
    turns = [steps[s] for s in (0, 30, 60)]
    assert all(t is not None and len(t) == 1 for t in turns)
    people = [next(iter(t)) for t in turns if t]
    assert sorted(people) == ["anna", "bram", "dirk"]  # each once; away and manager skipped
    for i, person in enumerate(people):  # each turn is exactly N seconds, in one piece
        assert [s for s, t in enumerate(steps) if t == frozenset({person})] == list(
            range(30 * i, 30 * (i + 1))
        )
    assert steps[90] is None and steps[699] is None  # then everyone


def test_rollout_starts_with_a_different_salesperson_per_lead() -> None:
    policy = Policy(Mode.ROLLOUT)
    firsts = {who(Lead(f"lead-{i}", "web", T0), policy, team(), 0) for i in range(40)}
    assert firsts == {frozenset({u}) for u in TEAM}


def test_rollout_by_priority_follows_the_list_and_skips_who_is_away() -> None:
    policy = Policy(
        Mode.ROLLOUT, step_s=20, order=Order.PRIORITY, priority=("dirk", "anna", "bram")
    )
    presence = team("anna", status=Status.WITH_CUSTOMER)
    assert [who(LEAD, policy, presence, s) for s in (0, 19, 20, 39, 40)] == [
        frozenset({"dirk"}),
        frozenset({"dirk"}),
        frozenset({"bram"}),
        frozenset({"bram"}),
        None,
    ]


def test_round_robin_offers_one_salesperson_then_everyone_after_n_seconds() -> None:
    policy = Policy(Mode.ROUND_ROBIN, step_s=45)
    first = who(LEAD, policy, team(), 0)
    assert first is not None and len(first) == 1
    assert who(LEAD, policy, team(), 44) == first
    assert who(LEAD, policy, team(), 45) is None
    spread = {who(Lead(f"l{i}", "web", T0), policy, team(), 0) for i in range(40)}
    assert len(spread) == len(TEAM)  # the leads go round the team


def test_per_source_sends_a_source_to_its_group_first() -> None:
    policy = Policy(
        Mode.BY_SOURCE,
        step_s=60,
        sources=(SourceRule("leaseplan", ("anna", "bram", "eve")),),
    )
    lease = Lead("lead-9", "LeasePlan offerte", T0)
    assert who(lease, policy, team(), 0) == frozenset({"anna", "bram"})  # eve isn't present
    assert who(lease, policy, team(), 60) is None
    assert who(LEAD, policy, team(), 0) is None  # no rule: everyone at once


def test_nobody_present_means_everyone() -> None:
    assert who(LEAD, Policy(Mode.ROLLOUT), team(*TEAM), 0) is None


def test_not_me_holds_until_the_escalation_then_the_alert_comes_back() -> None:
    policy = Policy(Mode.EVERYONE, escalate_s=120)
    before = offer(LEAD, team(), policy, T0 + timedelta(seconds=119))
    after = offer(LEAD, team(), policy, T0 + timedelta(seconds=120))
    assert not before.offered_to("anna", dismissed=True)
    assert before.offered_to("anna")
    assert after.offered_to("anna", dismissed=True)


def test_next_change_is_when_the_answer_changes() -> None:
    policy = Policy(Mode.ROLLOUT, step_s=30, escalate_s=120, manager_s=600)
    assert offer(LEAD, team(), policy, T0 + timedelta(seconds=5)).next_change == T0 + timedelta(
        seconds=30
    )
    assert offer(LEAD, team(), policy, T0 + timedelta(seconds=125)).next_change == T0 + timedelta(
        seconds=600
    )
    assert offer(LEAD, team(), policy, T0 + timedelta(seconds=600)).next_change is None


@pytest.mark.parametrize("mode", list(Mode))
def test_the_same_inputs_give_the_same_answer_in_any_order(mode: Mode) -> None:
    """Presence read in another order (another PC, after a restart) changes nothing."""
    policy = Policy(mode, sources=(SourceRule("autoscout", ("bram", "dirk")),))
    presence = team("bram")
    assert timeline(LEAD, policy, presence) == timeline(LEAD, policy, list(reversed(presence)))


def test_candidates_are_available_salespeople_only() -> None:
    presence = [*team("bram"), Presence("eve", "pc-eve", Status.OFFLINE, T0)]
    assert candidates(presence) == ["anna", "chantal", "dirk"]


def test_the_managers_pc_alerts_past_the_mark_even_with_its_alert_off() -> None:
    @dataclass(frozen=True)
    class Waiting:
        sla_start: datetime

    leads = [Waiting(T0), Waiting(T0 + timedelta(minutes=5))]
    settings = {"manager_alert_min": 10}
    assert not manager_due(leads, T0 + timedelta(seconds=599), settings)
    assert manager_due(leads, T0 + timedelta(seconds=600), settings)
    assert not manager_due(leads, T0 + timedelta(seconds=600), {"manager_alert_min": 11})
    off = {"role": Role.MANAGER, "manager_alert": False}
    assert route(True, **off) is Route.NOTIFY  # type: ignore[arg-type]
    assert route(True, escalated=True, **off) is Route.ALERT  # type: ignore[arg-type]


def test_policy_from_the_deployed_settings() -> None:
    policy = policy_from(
        {
            "routing": "by_source",
            "offer_seconds": 45,
            "offer_order": "priority",
            "priority": "Sanne de Vries, Bram",
            "source_rules": "leaseplan: Anna, Bram; marktplaats: Dirk",
            "manager_alert_min": 15,
        }
    )
    assert policy == Policy(
        Mode.BY_SOURCE,
        45,
        Order.PRIORITY,
        ("Sanne de Vries", "Bram"),
        (SourceRule("leaseplan", ("Anna", "Bram")), SourceRule("marktplaats", ("Dirk",))),
        120,
        900,
    )
    assert policy_from(None) == Policy()
    with pytest.raises(PolicyError, match="can't read source rule 'leaseplan'"):
        parse_sources("leaseplan")
