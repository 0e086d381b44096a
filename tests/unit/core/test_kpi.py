"""KPIs against a small activity log computed by hand (the README's Team KPIs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.core.fold import fold_events
from app.core.hours import OpeningHours
from app.core.kpi import kpis, team_report
from tests.activity import call, claimed, ev

AMS = ZoneInfo("Europe/Amsterdam")
HOURS = OpeningHours.parse("mo-fr 09:00-18:00, sa 09:00-17:00")


def t(day: int, hh: int, mm: int, ss: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hh, mm, ss, tzinfo=AMS)


def hand_log() -> list[dict[str, Any]]:
    return [
        # L1 anna: Wed 10:00, first call after 90 s, three unanswered attempts.
        claimed("L1", "anna", t(25, 10, 0), t(25, 10, 0, 30)),
        call("L1", "anna", t(25, 10, 1, 30), 1, "voicemail"),
        call("L1", "anna", t(25, 10, 20), 2, "no_answer"),
        call("L1", "anna", t(25, 12, 30), 3, "busy"),
        # L2 anna: first call at exactly 120 s (counts as within), appointment, sold.
        claimed("L2", "anna", t(25, 11, 0), t(25, 11, 0, 10)),
        call("L2", "anna", t(25, 11, 2, 0), 1, "appointment"),
        ev("sold", "L2", "anna", t(27, 15, 0)),
        # L3 bram: 121 s, just outside the two minutes; reached.
        claimed("L3", "bram", t(25, 14, 0), t(25, 14, 0, 5)),
        call("L3", "bram", t(25, 14, 2, 1), 1, "reached"),
        # L4 bram: landed Saturday 19:30, clock starts Monday 09:00; called 09:01.
        claimed("L4", "bram", t(28, 19, 30), t(30, 9, 0, 20)),
        call("L4", "bram", t(30, 9, 1), 1, "voicemail"),
        # L5: anna claims, releases, carla claims last: carla owns it.
        claimed("L5", "anna", t(26, 9, 30), t(26, 9, 31)),
        ev("released", "L5", "anna", t(26, 9, 35)),
        claimed("L5", "carla", t(26, 9, 30), t(26, 9, 40)),
        call("L5", "carla", t(26, 9, 45), 1, "no_answer"),
        # L6 carla: claimed, never called.
        claimed("L6", "carla", t(27, 16, 0), t(27, 16, 1)),
        # L7: outside the period.
        claimed("L7", "anna", t(1, 10, 0, month=12), t(1, 10, 1, month=12)),
        call("L7", "anna", t(1, 10, 2, month=12), 1, "appointment"),
        # A call for a lead nobody ever claimed, and an unknown event type: no effect.
        call("LX", "dirk", t(25, 10, 0), 1, "reached"),
        ev("teleported", "L1", "anna", t(25, 10, 5)),
    ]


def report() -> dict[str, Any]:
    # The period is Mon 23 Nov – Mon 30 Nov 00:00, so L4 (landed Sat 28) is in it even
    # though its clock only started on the Monday.
    facts = fold_events(hand_log(), HOURS)
    return team_report(facts.values(), t(23, 0, 0), t(30, 0, 0))


def test_sla_start_shifted_to_monday() -> None:
    facts = fold_events(hand_log(), HOURS)
    assert facts["L4"].sla_start == t(30, 9, 0)
    assert facts["L4"].first_call_s == 60


def test_owner_is_the_last_claim() -> None:
    facts = fold_events(hand_log(), HOURS)
    assert facts["L5"].owner == "carla"
    assert "LX" not in facts


def test_per_salesperson_rows() -> None:
    rows = {r["user"]: r for r in report()["salespeople"]}
    assert rows["anna"] == {
        "user": "anna",
        "leads": 2,
        "first_call_median_s": 105.0,
        "within_2min_pct": 100.0,
        "reached_pct": 50.0,
        "three_attempts_pct": 100.0,
        "appointment_pct": 50.0,
        "sold_pct": 50.0,
    }
    assert rows["bram"] == {
        "user": "bram",
        "leads": 2,
        "first_call_median_s": 90.5,
        "within_2min_pct": 50.0,
        "reached_pct": 50.0,
        "three_attempts_pct": 0.0,
        "appointment_pct": 0.0,
        "sold_pct": 0.0,
    }
    assert rows["carla"] == {
        "user": "carla",
        "leads": 2,
        "first_call_median_s": 900.0,
        "within_2min_pct": 0.0,
        "reached_pct": 0.0,
        "three_attempts_pct": 0.0,
        "appointment_pct": 0.0,
        "sold_pct": 0.0,
    }


def test_team_row() -> None:
    assert report()["team"] == {
        "leads": 6,
        "first_call_median_s": 120.0,
        "within_2min_pct": 50.0,
        "reached_pct": 33.3,
        "three_attempts_pct": 25.0,
        "appointment_pct": 16.7,
        "sold_pct": 16.7,
    }


def test_period_bounds_are_half_open() -> None:
    facts = fold_events(hand_log(), HOURS).values()
    only_l1 = team_report(facts, t(25, 10, 0), t(25, 11, 0))
    assert only_l1["team"]["leads"] == 1


def test_null_cases() -> None:
    empty = kpis([])
    assert empty == {
        "leads": 0,
        "first_call_median_s": None,
        "within_2min_pct": None,
        "reached_pct": None,
        "three_attempts_pct": None,
        "appointment_pct": None,
        "sold_pct": None,
    }
    facts = fold_events(hand_log(), HOURS)
    everyone_reached = kpis([facts["L2"], facts["L3"]])
    assert everyone_reached["three_attempts_pct"] is None
    never_called = kpis([facts["L6"]])
    assert never_called["first_call_median_s"] is None
    assert never_called["within_2min_pct"] == 0.0


def test_call_before_claim_in_file_order_still_counts() -> None:
    log = hand_log()
    log.reverse()  # events from several files arrive in any order
    facts = fold_events(log, HOURS)
    assert len(facts["L1"].calls) == 3 and facts["L1"].owner == "anna"


@pytest.mark.parametrize("seconds,within", [(119, True), (120, True), (121, False)])
def test_two_minute_boundary(seconds: int, within: bool) -> None:
    from datetime import timedelta

    rec = t(25, 10, 0)
    log = [
        claimed("B", "anna", rec, rec),
        call("B", "anna", rec + timedelta(seconds=seconds), 1, "voicemail"),
    ]
    r = kpis(list(fold_events(log, HOURS).values()))
    assert r["within_2min_pct"] == (100.0 if within else 0.0)
