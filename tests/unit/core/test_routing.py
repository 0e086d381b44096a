"""Where a new lead goes on this PC: alert, notification or nothing (no Qt needed)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.core.enums import Availability, Role
from app.core.routing import Route, route

AVAILABLE, WITH_CUSTOMER, ON_BREAK = Availability
SALESPERSON, MANAGER = Role


def test_nothing_to_route_without_leads():
    assert route(False) is Route.NONE
    assert route(False, availability=ON_BREAK, opened=True) is Route.NONE


def test_an_available_salesperson_gets_the_alert():
    assert route(True) is Route.ALERT
    assert route(True, availability=AVAILABLE, role=SALESPERSON, manager_alert=False) is (
        Route.ALERT  # the switch is for managers only
    )


@pytest.mark.parametrize("away", [WITH_CUSTOMER, ON_BREAK])
def test_away_gets_a_message_instead(away):
    assert route(True, availability=away) is Route.NOTIFY
    assert route(True, availability=away, role=MANAGER) is Route.NOTIFY


def test_clicking_the_message_shows_the_alert_anyway():
    assert route(True, availability=WITH_CUSTOMER, opened=True) is Route.ALERT


def test_a_manager_may_switch_the_alert_off():
    assert route(True, role=MANAGER) is Route.ALERT
    assert route(True, role=MANAGER, manager_alert=False) is Route.NOTIFY


def test_the_words_stay_the_ones_saved_and_logged():
    """settings.json, the store and the activity log keep the plain words."""
    assert [str(a) for a in Availability] == ["available", "with_customer", "on_break"]
    assert [str(r) for r in Role] == ["salesperson", "manager"]
    assert route(True, availability="on_break") is Route.NOTIFY  # type: ignore[arg-type]
    assert route(True, role="manager", manager_alert=False) is Route.NOTIFY  # type: ignore[arg-type]


def test_routing_and_prefs_load_without_qt():
    code = (
        "import sys, app.core.routing, app.settings.prefs, app.system.autostart;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
