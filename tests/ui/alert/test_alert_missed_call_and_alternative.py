"""The alert says when a lead is a missed call, and shows the other country's reading of an
ambiguous number next to the home one; the lists mark missed calls too."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from app.core.lead import STORED_KEY
from app.engine.views import LeadView
from app.ui.alert.alert_window import AlertWindow
from app.ui.salesperson.lead_table import NAME, LeadTableModel

MISSED = json.dumps({STORED_KEY: {"kind": "missed_call"}})
AMBIGUOUS = {
    "phone_raw": "0478 55 66 77",
    "phone_e164": "+31478556677",
    "phone_display": "0478 556 677",
    "phone_type": "fixed_line",
    "extra": json.dumps(
        {STORED_KEY: {"kind": "request", "phone_alternative": {"e164": "+32478556677"}}}
    ),
}


class Mute:
    def play(self) -> bool:
        return False


def shown(qtbot: Any, clock: Any, view: LeadView) -> AlertWindow:
    alert = AlertWindow(clock, sound=Mute())
    qtbot.addWidget(alert)
    alert.set_leads([view])
    return alert


def test_a_missed_call_says_so_first_on_the_alert(
    qtbot: Any, clock: Any, make_view: Callable[..., LeadView]
) -> None:
    alert = shown(qtbot, clock, make_view(1, extra=MISSED))
    assert alert.kicker.text().startswith("Missed call: call back now  ·  via website")
    assert "New lead" not in alert.kicker.text()
    assert alert.kicker.property("missed") is True
    assert not alert.phone_alt.isVisibleTo(alert)


def test_a_request_is_a_new_lead_without_a_second_number(
    qtbot: Any, clock: Any, make_view: Callable[..., LeadView]
) -> None:
    alert = shown(qtbot, clock, make_view(1))
    assert alert.kicker.text().startswith("New lead")
    assert alert.kicker.property("missed") is False


def test_an_ambiguous_number_shows_the_other_reading_beside_the_home_one(
    qtbot: Any, clock: Any, make_view: Callable[..., LeadView]
) -> None:
    alert = shown(qtbot, clock, make_view(1, **AMBIGUOUS))
    assert alert.phone.text() == "0478 556 677"
    assert alert.phone_alt.isVisibleTo(alert)
    assert alert.phone_alt.text() == "possibly Belgian: +32 478 55 66 77"


def test_my_leads_marks_a_missed_call(clock: Any, make_view: Callable[..., LeadView]) -> None:
    model = LeadTableModel(clock, clock.now().tzinfo)
    model.set_views([make_view(1, extra=MISSED), make_view(2)])
    names = [model.data(model.index(r, NAME)) for r in range(2)]
    assert names == ["☎ Jan Jansen", "Fatima el Amrani"]
    tip = model.data(model.index(0, NAME), 3)  # ToolTipRole
    assert tip == "Missed call: 06 12345678"
