"""The main window, its list, detail pane, status bar and dialogs, fed LeadViews directly."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.core.clock import FakeClock
from app.core.enums import LeadStatus
from app.core.timefmt import to_utc_text
from app.engine.desk import Health
from app.engine.views import LeadView, from_row
from app.ui.common.first_run import FirstRunDialog
from app.ui.common.settings_dialog import SettingsDialog
from app.ui.salesperson.lead_table import (
    FILTER_ALL,
    FILTER_OPEN,
    FILTER_TODAY,
    OVERDUE_BG,
    OVERDUE_FG,
)
from app.ui.salesperson.main_window import MainWindow
from app.ui.single_instance import SingleInstance, server_name

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 9, 12, tzinfo=UTC)  # 10:12 in Amsterdam


def view(
    n: int,
    *,
    status: LeadStatus = LeadStatus.CLAIMED,
    attempts: int = 0,
    due: datetime | None = None,
    overdue: bool = False,
    landed: datetime = NOW - timedelta(minutes=30),
    state: str = "open",
    **row: object,
) -> LeadView:
    names = {1: "Jan Jansen", 2: "Fatima el Amrani", 3: "Pieter de Vries", 4: "Sanne Bakker"}
    data = {
        "id": f"L{n:015d}",
        "name": names[n],
        "phone_raw": f"06 1234567{n}",
        "phone_e164": f"+3161234567{n}",
        "phone_display": f"06 1234567{n}",
        "phone_valid": 1,
        "email": f"klant{n}@example.nl",
        "source": "website",
        "vehicle": json.dumps(
            {"make": "Volkswagen", "model": "Golf", "year": 2021, "stock": "V1234", "price": 21950}
        ),
        "message": "Is deze auto nog beschikbaar?",
        "received_at": to_utc_text(landed),
        "sla_start": to_utc_text(landed),
        "state": state,
        "owner": "piet",
        "original": '{"name": "<b>Jan</b>"}',
    }
    data.update(row)
    tries = [
        {
            "number": i,
            "ts": to_utc_text(landed + timedelta(minutes=i)),
            "outcome": "voicemail",
            "note": "ingesproken" if i == 1 else None,
        }
        for i in range(1, attempts + 1)
    ]
    return from_row(
        data,
        tries,
        status=status,
        next_attempt=(attempts + 1) if due else None,
        next_due=due,
        overdue=overdue,
    )


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow(FakeClock(NOW), AMS, "piet")
    w.keep_in_tray = True  # closing must not ask anything in a test
    qtbot.addWidget(w)
    w.show()
    return w


def texts(w: MainWindow) -> list[list[str]]:
    p = w.proxy
    return [[p.index(r, c).data() for c in range(p.columnCount())] for r in range(p.rowCount())]


def test_the_list_shows_what_is_due_first(window):
    window.set_leads(
        [
            view(
                1,
                status=LeadStatus.CALLED,
                attempts=1,
                due=NOW - timedelta(minutes=3),
                overdue=True,
            ),
            view(2, status=LeadStatus.CALLED, attempts=1, due=NOW + timedelta(minutes=5)),
            view(3, status=LeadStatus.APPOINTMENT, attempts=1),
            view(4, status=LeadStatus.SOLD, state="sold"),
        ]
    )
    window.set_filter(FILTER_ALL)
    assert texts(window) == [
        ["Attempt 1", "Jan Jansen", "Attempt 2 due 10:09", "Volkswagen Golf 2021", "30 min"],
        ["Attempt 1", "Fatima el Amrani", "Attempt 2 due 10:17", "Volkswagen Golf 2021", "30 min"],
        ["Appointment", "Pieter de Vries", "Close: sold or lost", "Volkswagen Golf 2021", "30 min"],
        ["Sold", "Sanne Bakker", "", "Volkswagen Golf 2021", "30 min"],
    ]
    overdue = window.proxy.index(0, 1)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_FG
    assert overdue.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert window.proxy.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None


def test_filters_and_search(window):
    window.set_leads(
        [
            view(1, due=NOW),
            view(2, state="lost", status=LeadStatus.LOST),
            view(3, landed=NOW - timedelta(days=3), status=LeadStatus.REACHED),
        ]
    )
    assert [r[1] for r in texts(window)] == ["Jan Jansen", "Pieter de Vries"]  # open: default
    window.set_filter(FILTER_ALL)
    assert len(texts(window)) == 3
    window.set_filter(FILTER_TODAY)
    assert [r[1] for r in texts(window)] == ["Jan Jansen", "Fatima el Amrani"]
    window.set_filter(FILTER_OPEN)
    window.search.setText("pieter")
    assert [r[1] for r in texts(window)] == ["Pieter de Vries"]
    window.search.setText("06-12345671")  # digits match whatever the punctuation
    assert [r[1] for r in texts(window)] == ["Jan Jansen"]
    assert window.count.text() == "1 of 3 leads"


def test_a_fresh_poll_keeps_the_selection_and_updates_the_detail(window):
    window.set_leads([view(1, due=NOW), view(2)])
    assert window.open_lead("L000000000000002")
    assert window.detail.name.text() == "Fatima el Amrani"
    window.set_leads([view(1, due=NOW), view(2, status=LeadStatus.CALLED, attempts=1)])
    assert window.detail.lead_id() == "L000000000000002"
    assert window.detail.status.text() == "Attempt 1"
    assert window.detail.log.rowCount() == 1
    assert window.detail.log.item(0, 2).text() == "Voicemail"
    assert window.detail.log.item(0, 3).text() == "ingesproken"


def test_the_original_document_is_plain_text_never_html(window):
    window.set_leads([view(1, due=NOW, message="<img src=x onerror=alert(1)> <b>hi</b>")])
    window.open_lead("L000000000000001")
    detail = window.detail
    assert detail.original.isReadOnly()
    assert detail.original.toPlainText() == '{"name": "<b>Jan</b>"}'
    assert detail.message.textFormat() == Qt.TextFormat.PlainText
    assert detail.message.text() == "<img src=x onerror=alert(1)> <b>hi</b>"


def test_a_lead_stored_without_its_document_shows_its_fields_instead(window):
    window.set_leads([view(1, due=NOW, original=None), view(2, original="", vehicle="Golf")])
    window.open_lead("L000000000000001")
    shown = json.loads(window.detail.original.toPlainText())
    assert shown["name"] == "Jan Jansen" and shown["phone_raw"] == "06 12345671"
    assert shown["vehicle"]["model"] == "Golf" and shown["vehicle"]["price"] == 21950
    window.open_lead("L000000000000002")
    assert json.loads(window.detail.original.toPlainText())["vehicle"] == "Golf"


def test_detail_buttons_ask_for_the_action_with_the_lead_id(window, qtbot):
    window.set_leads([view(1, due=NOW, status=LeadStatus.CALLED, attempts=1)])
    window.open_lead("L000000000000001")
    d = window.detail
    for button, signal in (
        (d.call_button, d.call_requested),
        (d.record_button, d.record_requested),
        (d.sold_button, d.sold_requested),
        (d.lost_button, d.lost_requested),
        (d.release_button, d.release_requested),
        (d.qr_button, d.qr_requested),
    ):
        with qtbot.waitSignal(signal) as blocker:
            button.click()
        assert blocker.args == ["L000000000000001"]
    with qtbot.waitSignal(d.snooze_requested) as blocker:
        d.snooze_button.menu().actions()[1].trigger()
    assert blocker.args == ["L000000000000001", 30]
    d.copy_button.click()
    assert QGuiApplication.clipboard().text() == "+31612345671"


def test_snooze_offers_hours_and_the_next_opening_by_the_hours_in_force(window, qtbot):
    from app.core.hours import OpeningHours

    window.set_leads([view(1, due=NOW, overdue=True)])
    window.open_lead("L000000000000001")
    d = window.detail
    menu = d.snooze_button.menu()
    d.hours = OpeningHours.parse("mo-fr 09:00-18:00", "Europe/Amsterdam")
    menu.aboutToShow.emit()  # as when it opens: the time is worked out then
    texts = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert texts == [
        "15 minutes",
        "30 minutes",
        "1 hour",
        "2 hours",
        "Until opening, tomorrow 09:00",  # Wednesday: Thursday's opening
    ]
    with qtbot.waitSignal(d.snooze_requested) as blocker:
        menu.actions()[3].trigger()
    assert blocker.args == ["L000000000000001", 120]
    with qtbot.waitSignal(d.snooze_until_requested) as blocker:
        d.opening_action.trigger()
    assert blocker.args == ["L000000000000001", datetime(2026, 11, 26, 9, 0, tzinfo=AMS)]
    # On a Friday, past Saturday and Sunday to Monday's opening.
    d.clock.set(datetime(2026, 11, 27, 16, 0, tzinfo=AMS))
    menu.aboutToShow.emit()
    assert d.opening_action.text().endswith("09:00") and "tomorrow" not in d.opening_action.text()
    with qtbot.waitSignal(d.snooze_until_requested) as blocker:
        d.opening_action.trigger()
    assert blocker.args[1] == datetime(2026, 11, 30, 9, 0, tzinfo=AMS)


def test_closed_leads_have_no_actions_and_snooze_needs_a_due_call(window):
    window.set_leads(
        [view(1, status=LeadStatus.SOLD, state="sold"), view(2, status=LeadStatus.REACHED)]
    )
    window.set_filter(FILTER_ALL)
    window.open_lead("L000000000000001")
    d = window.detail
    assert not d.call_button.isEnabled() and not d.sold_button.isEnabled()
    assert d.copy_button.isEnabled()
    window.open_lead("L000000000000002")
    assert d.call_button.isEnabled() and not d.snooze_button.isEnabled()


def test_status_bar_health_availability_and_waiting(window):
    bar = window.status
    bar.set_health(
        Health(
            ok=False,
            down_since=datetime(2026, 11, 25, 9, 2, tzinfo=UTC),
            error="inbox folder X is unreachable",
            failures=1,
        )
    )
    assert bar.health.text() == "Inbox unreachable since 10:02 — retrying…"
    assert bar.health.toolTip() == "inbox folder X is unreachable"
    bar.set_health(Health(ok=True))
    assert bar.health.text() == "Inbox connected"
    window.break_action.trigger()
    assert window.availability() == "on_break"
    assert bar.availability.text().startswith("On a break")
    window.with_customer_action.trigger()  # exclusive: one or none
    assert window.availability() == "with_customer" and not window.break_action.isChecked()
    window.with_customer_action.trigger()
    assert window.availability() == "available"
    bar.set_waiting(2, 1)
    assert bar.waiting.text() == "3 leads waiting (1 for opening time)"
    assert bar.waiting.isEnabled()


def test_closing_hides_to_the_tray_or_asks_before_quitting(window, qtbot, monkeypatch):
    with qtbot.waitSignal(window.hidden_to_tray):
        window.close()
    assert not window.isVisible()
    window.bring_to_front()
    assert window.isVisible()

    window.keep_in_tray = False
    monkeypatch.setattr(MainWindow, "confirm_quit_without_tray", staticmethod(lambda p: False))
    window.close()
    assert window.isVisible()
    monkeypatch.setattr(MainWindow, "confirm_quit_without_tray", staticmethod(lambda p: True))
    with qtbot.waitSignal(window.quit_requested):
        window.close()
    assert not window.isVisible()


def test_the_tabs_leave_room_for_the_team_tab(window):
    assert window.tabs.tabText(0) == "My leads"
    assert window.tabs.widget(0) is window.splitter
    assert window.windowTitle() == "piet"  # Qt adds " — Leadpop" itself


# -- single instance -------------------------------------------------------------------------


def test_a_second_launch_raises_the_first(qtbot, tmp_path: Path):
    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=5000):
            assert not SingleInstance(tmp_path / "data").acquire()
        other = SingleInstance(tmp_path / "other-data")  # another data dir: its own instance
        assert other.acquire()
        other.release()
    finally:
        first.release()
    assert server_name(tmp_path / "data") != server_name(tmp_path / "other-data")
    again = SingleInstance(tmp_path / "data")
    assert again.acquire()  # released: the next start is the first again
    again.release()


# -- dialogs ---------------------------------------------------------------------------------


def test_settings_dialog_validates_opening_hours(qtbot):
    dialog = SettingsDialog(
        {
            "name": "piet",
            "role": "salesperson",
            "hours": None,
            "fixed": ["inbox"],
            "default_inbox": "/data/inbox",
        }
    )
    qtbot.addWidget(dialog)
    save = dialog.buttons.buttons()[0]
    dialog.hours.setText("ma-vr 9-18")
    assert not dialog.hours_error.isHidden()
    assert "Opening hours: can't read opening hours" in dialog.hours_error.text()
    assert not save.isEnabled()
    dialog.hours.setText("ma-vr 08:30-18:00, za 09:00-16:00")
    assert dialog.hours_error.isHidden() and save.isEnabled()
    assert not dialog.inbox.isEnabled()  # set by --inbox
    assert "--inbox" in dialog.fixed_note.text()
    dialog.role.setCurrentIndex(1)
    dialog.manager_alert.setChecked(False)
    dialog.second.setValue(10)
    values = dialog.values()
    assert values["hours"] == "ma-vr 08:30-18:00, za 09:00-16:00"
    assert values["role"] == "manager" and values["manager_alert"] is False
    assert values["second_after_min"] == 10 and values["inbox"] is None


def test_settings_dialog_shows_the_manager_switch_only_for_managers(qtbot):
    dialog = SettingsDialog({"name": "piet", "role": "salesperson"})
    qtbot.addWidget(dialog)
    assert dialog.manager_alert.isHidden()
    dialog.role.setCurrentIndex(dialog.role.findData("manager"))
    assert not dialog.manager_alert.isHidden()


def test_first_run_dialog_needs_a_name(qtbot):
    dialog = FirstRunDialog("piet")
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled()
    dialog.name.setText("  ")
    assert not dialog.ok.isEnabled()
    dialog.name.setText("Sanne Bakker")
    dialog.role.setCurrentIndex(1)
    assert dialog.result_value() == ("Sanne Bakker", "manager")
