"""Missed calls and ambiguous numbers as the UI gets them: the lead's view carries its kind
and the other country's reading, the salesperson can pick that reading (Desk.
use_phone_alternative), and the per-lead CSV says which leads were missed calls."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.clock import FakeClock
from app.core.lead import MISSED_CALL, REQUEST
from app.engine import team_report
from app.engine.desk import Desk
from tests.showroom import Showroom, lead_doc

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Showroom]:
    clock = FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=AMS))
    root = tmp_path / "inbox"
    root.mkdir()
    t = Showroom(root, clock, hours="always")
    yield t
    t.close()


def landed(team: Showroom, desk: Desk, customer: str, file: str, **doc: object) -> str:
    """A lead document lands and the desk takes it in; returns the lead's id."""
    team.drop(lead_doc(customer, **doc), file)  # type: ignore[arg-type]
    desk.poll()
    return next(v.id for v in desk.alertable() if v.name == customer)


def test_a_missed_call_is_marked_on_the_view(team: Showroom) -> None:
    anna = team.desk("anna")
    missed = landed(team, anna, "Els Peeters", "m.json", phone="06 87654321", kind="missed_call")
    asked = landed(team, anna, "Jan Jansen", "r.json")
    assert anna.view(missed).kind == MISSED_CALL and anna.view(missed).missed_call
    assert anna.view(asked).kind == REQUEST and not anna.view(asked).missed_call


def test_an_ambiguous_number_shows_both_readings_and_the_salesperson_picks(team: Showroom) -> None:
    anna = team.desk("anna")
    # Valid in NL (a landline in Venray) and in BE (a mobile), and no hint either way.
    lead = landed(team, anna, "Luc Maes", "a.json", phone="0478 55 66 77", email="luc@x.com")
    view = anna.view(lead)
    assert view.phone.shown == "0478 556 677" and view.phone.e164 == "+31478556677"
    alt = view.phone_alternative
    assert alt is not None and alt.shown == "+32 478 55 66 77" and alt.country == "BE"

    picked = anna.use_phone_alternative(lead)
    assert picked.phone.shown == "+32 478 55 66 77" and picked.phone.tel_uri == "tel:+32478556677"
    assert picked.phone_alternative is not None
    assert picked.phone_alternative.shown == "0478 556 677"
    assert picked.phone_alternative.country == "NL"
    assert anna.view(lead) == picked  # kept in the store, not only in the answer

    back = anna.use_phone_alternative(lead)  # a wrong pick is undone the same way
    assert back.phone.e164 == "+31478556677" and back.phone_alternative == alt


def test_a_lead_without_an_alternative_keeps_its_number(team: Showroom) -> None:
    anna = team.desk("anna")
    lead = landed(team, anna, "Jan Jansen", "j.json")
    before = anna.view(lead)
    assert before.phone_alternative is None
    assert anna.use_phone_alternative(lead) == before


def test_the_per_lead_csv_has_the_kind(team: Showroom) -> None:
    anna = team.desk("anna")
    missed = landed(team, anna, "Els Peeters", "m.json", phone="06 87654321", kind="missed_call")
    asked = landed(team, anna, "Jan Jansen", "r.json")
    for lead in (missed, asked):
        assert anna.claim(lead).won
    anna.sync_events()
    now = team.clock.now()
    text = team_report.report_text(
        anna.store,
        anna.config.hours,
        "csv",
        now.replace(hour=0),
        now.replace(hour=23),
        detail=True,
    )
    kinds = {r["customer"]: r["kind"] for r in csv.DictReader(io.StringIO(text))}
    assert kinds == {"Els Peeters": "missed_call", "Jan Jansen": "request"}
