"""Dutch for the main window, its dialogs, tray and notifications (leadpop_nl.ts)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from ts_catalogue import from_code, messages, problems, translated

from app.core.clock import FakeClock
from app.engine.desk import Health
from app.ui.salesperson.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "leadpop_nl.ts"
SOURCES = [
    ROOT / "app" / "ui" / f
    for f in (
        "salesperson/main_window.py",
        "salesperson/lead_table.py",
        "salesperson/lead_detail.py",
        "common/lead_format.py",
        "salesperson/status_bar.py",
        "common/settings_dialog.py",
        "common/first_run.py",
        "salesperson/lost_dialog.py",
        "alert/qr_dialog.py",
        "common/tray.py",
        "shell.py",
        "common/password_dialog.py",
        "common/signin_dialog.py",
        "salesperson/snackbar.py",
        "salesperson/unclaimed_panel.py",
        "salesperson/touch_dialog.py",
    )
]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")


def test_every_string_is_translated_with_its_placeholders():
    assert len(messages(TS)) > 100
    assert problems(TS) == []


def test_the_catalogue_is_up_to_date_with_the_code(tmp_path):
    assert set(from_code(SOURCES, tmp_path)) == set(messages(TS)), "re-run pyside6-lupdate"


@pytest.fixture
def dutch(tmp_path):
    with translated(TS, tmp_path):
        yield


def test_the_main_window_speaks_dutch(qtbot, dutch):
    window = MainWindow(
        FakeClock(datetime(2026, 11, 25, 9, 12, tzinfo=UTC)), ZoneInfo("Europe/Amsterdam"), "piet"
    )
    window.keep_in_tray = True
    qtbot.addWidget(window)
    window.status.set_health(
        Health(ok=False, failures=1, down_since=datetime(2026, 11, 25, 9, 2, tzinfo=UTC))
    )
    assert window.status.health.text() == "Inbox onbereikbaar sinds 10:02 — opnieuw proberen…"
    assert window.with_customer_action.text() == "Bij een klant"
    assert window.break_action.text() == "Met pauze"
    assert window.tabs.tabText(0) == "Mijn leads"
    window.break_action.trigger()
    assert window.status.availability.text().startswith("Met pauze")
