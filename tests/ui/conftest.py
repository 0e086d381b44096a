"""Fixtures for the alert, call panel, outcome prompt and notifications."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.core.clock import FakeClock
from app.core.enums import LeadStatus
from app.core.timefmt import to_utc_text
from app.engine.views import LeadView, from_row

# Tuesday 25 November 2026, 10:12 in Amsterdam: inside opening hours.
NOW = datetime(2026, 11, 25, 9, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _mute(monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading Qt's audio backend logs warnings on a machine without sound.
    monkeypatch.setenv("LEADPOP_MUTE", "1")


@pytest.fixture(autouse=True)
def _no_running_timers() -> Iterator[None]:
    """Fail a test that leaves one of our named QTimers running (napari's habit).

    Autouse and without qtbot: it is torn down after qtbot has closed the test's widgets.
    """
    yield
    app = QApplication.instance()
    if app is None:
        return
    running = [
        t.objectName()
        for w in QApplication.topLevelWidgets()
        for t in w.findChildren(QTimer)
        if t.isActive() and t.objectName()
    ]
    assert not running, f"timers left running: {running}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def lead_row(n: int = 1, *, landed: datetime = NOW, **over: Any) -> dict[str, Any]:
    """A stored lead row (app/store/schema.py columns) with realistic Dutch data."""
    names = {1: "Jan Jansen", 2: "Fatima el Amrani", 3: "Pieter de Vries", 4: "Sanne Bakker"}
    row: dict[str, Any] = {
        "id": f"L{n:015d}",
        "doc_name": f"lead-{n}.json",
        "name": names.get(n, f"Klant {n}"),
        "source": "website",
        "phone_raw": "06 12345678",
        "phone_e164": "+31612345678",
        "phone_display": "06 12345678",
        "phone_valid": 1,
        "phone_type": "mobile",
        "email": "jan@example.nl",
        "vehicle": json.dumps(
            {"make": "Volkswagen", "model": "Golf", "year": 2021, "stock": "V1234", "price": 21950}
        ),
        "message": "Is deze auto nog beschikbaar?",
        "received_at": to_utc_text(landed),
        "sla_start": to_utc_text(landed),
        "requested_at": to_utc_text(landed),
        "owner": None,
        "state": "open",
    }
    row.update(over)
    return row


def _make_view(n: int = 1, *, attempts: int = 0, **row: Any) -> LeadView:
    tries = [
        {
            "id": i,
            "lead_id": f"L{n:015d}",
            "number": i,
            "outcome": "voicemail",
            "note": None,
            "ts": to_utc_text(NOW + timedelta(minutes=i)),
            "user": "piet",
        }
        for i in range(1, attempts + 1)
    ]
    return from_row(
        lead_row(n, **row),
        tries,
        status=LeadStatus.CALLED if attempts else LeadStatus.NEW,
        next_attempt=attempts + 1,
        next_due=NOW,
        overdue=False,
    )


@pytest.fixture
def make_view() -> Callable[..., LeadView]:
    """make_view(n, attempts=0, landed=..., **row columns) -> LeadView (n picks the customer)."""
    return _make_view
