"""The salesperson's first real day (issue 15): nothing moves under the pointer, away for a
while, undo, leads not taken yet, the Mark lost and message dialogs, window titles."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMessageBox

from app.core.clock import FakeClock
from app.core.enums import Availability, LeadStatus
from app.core.timefmt import to_utc_text
from app.engine.views import LeadView, from_row
from app.ui.common.lead_format import appointment_note
from app.ui.common.settings_dialog import SettingsDialog
from app.ui.salesperson.lead_table import NEXT
from app.ui.salesperson.lost_dialog import LostReasonDialog
from app.ui.salesperson.main_window import MainWindow
from app.ui.salesperson.snackbar import Snackbar
from app.ui.salesperson.touch_dialog import TouchDialog, message_text, sms_link, whatsapp_link
from app.ui.salesperson.unclaimed_panel import Unclaimed

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 9, 12, tzinfo=UTC)  # 10:12 in Amsterdam
NAMES = {1: "Jan Jansen", 2: "Fatima el Amrani", 3: "Pieter de Vries", 4: "Sanne Bakker"}


def view(
    n: int,
    *,
    attempts: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
    due: datetime | None = None,
    status: LeadStatus = LeadStatus.CLAIMED,
    owner: str | None = "piet",
    **row: object,
) -> LeadView:
    data = {
        "id": f"L{n:015d}",
        "name": NAMES[n],
        "phone_raw": f"06 1234567{n}",
        "phone_e164": f"+3161234567{n}",
        "phone_display": f"06 1234567{n}",
        "phone_valid": 1,
        "source": "website",
        "vehicle": json.dumps({"make": "Volkswagen", "model": "Golf", "year": 2021}),
        "message": "Is deze auto nog beschikbaar?",
        "received_at": to_utc_text(NOW - timedelta(minutes=30)),
        "sla_start": to_utc_text(NOW - timedelta(minutes=30)),
        "owner": owner,
        "state": "open",
        **row,
    }
    tries = [
        {"number": i, "ts": to_utc_text(NOW), "outcome": o, "note": note, "user": "piet"}
        for i, (o, note) in enumerate(attempts, start=1)
    ]
    return from_row(
        data,
        tries,
        status=status,
        next_attempt=len(tries) + 1 if due else None,
        next_due=due,
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def window(qtbot, clock) -> MainWindow:
    w = MainWindow(clock, AMS, "Sanne de Vries")
    w.keep_in_tray = True  # closing must not ask anything in a test
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def ids(w: MainWindow) -> list[str]:
    return [v.id[-1] for v in w.model.views]


# -- 22: titles ------------------------------------------------------------------------------


def test_the_window_title_is_the_name_once(window):
    # Qt appends the application's display name ("… — Leadpop") itself.
    assert window.windowTitle() == "Sanne de Vries"
    window.set_user("Bram")
    assert window.windowTitle() == "Bram"


# -- 7: quit -----------------------------------------------------------------------------------


def test_the_quit_question_defaults_to_no(qtbot, window):
    box = MainWindow.quit_question(window)
    qtbot.addWidget(box)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.No)


# -- 8: nothing moves under the pointer ------------------------------------------------------


def test_a_banner_or_message_does_not_push_the_list(qtbot, window):
    def top_of(widget) -> QPoint:
        return widget.mapTo(window, QPoint(0, 0))

    window.set_leads([view(1), view(2)])
    window.centralWidget().layout().activate()  # lay out now, instead of waiting for it
    window.splitter.widget(0).layout().activate()
    search, table = top_of(window.search), top_of(window.table)
    window.banner.show_message("Call Jan Jansen again — attempt 2 of 3", "06 12345671")
    window.show_message("Inbox unreachable since 10:02 — retrying…")
    window.snackbar.say("Jan Jansen: call recorded · Attempt 2 due 10:27")
    qtbot.waitUntil(lambda: window.banner.isVisible() and window.message_box.isVisible())
    window.centralWidget().layout().activate()
    window.splitter.widget(0).layout().activate()
    assert top_of(window.search) == search
    assert top_of(window.table) == table
    window.snackbar.expire()


def test_the_list_keeps_its_order_right_after_an_action(window, clock):
    window.set_leads([view(1, due=NOW), view(2, due=NOW + timedelta(minutes=5))])
    assert ids(window) == ["1", "2"]
    later = [view(2, due=NOW + timedelta(minutes=5)), view(1, due=NOW + timedelta(hours=2))]
    window.hold_order()  # e.g. a call was just recorded on lead 1
    window.set_leads(later)
    assert ids(window) == ["1", "2"]  # held: the next click lands where it was aimed
    clock.advance(seconds=9)
    window.set_leads(later)
    assert ids(window) == ["2", "1"]  # then what is due first again


def test_a_new_lead_arriving_while_held_goes_below(window):
    window.set_leads([view(1), view(2)])
    window.hold_order()
    window.set_leads([view(3), view(2), view(1)])
    assert ids(window) == ["1", "2", "3"]


def test_typing_opening_hours_does_not_grow_the_settings_dialog(qtbot):
    dialog = SettingsDialog({"name": "piet", "role": "salesperson", "hours": None})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before_size = dialog.size()
    before = dialog.second.mapTo(dialog, QPoint(0, 0))
    dialog.hours.setText("ma-vr 9-18")  # half typed: an error shows
    assert not dialog.hours_error.isHidden()
    dialog.layout().activate()
    assert dialog.second.mapTo(dialog, QPoint(0, 0)) == before
    assert dialog.size() == before_size
    dialog.hours.setText("ma-vr 09:00-18:00")
    dialog.layout().activate()
    assert dialog.second.mapTo(dialog, QPoint(0, 0)) == before


# -- 9: away for a while ---------------------------------------------------------------------


def test_away_for_a_while_ends_by_itself_and_shows_large(window, clock, qtbot):
    changes: list[str] = []
    window.availability_changed.connect(changes.append)
    window.set_availability(Availability.WITH_CUSTOMER, 30)
    assert window.availability() == Availability.WITH_CUSTOMER
    assert window.away_label.text() == "With a customer until 10:42"
    assert window.away_label_action.isVisible()
    assert window.away_label.font().pixelSize() >= 20 or "20px" in window.styleSheet()
    assert window.status.availability.text().startswith("With a customer until 10:42")
    assert window.away_timer.isActive()
    clock.advance(minutes=29)
    window.check_away()
    assert window.availability() == Availability.WITH_CUSTOMER
    clock.advance(minutes=1)
    window.check_away()
    assert window.availability() == Availability.AVAILABLE
    assert not window.away_label_action.isVisible()
    assert not window.away_timer.isActive()
    assert changes == ["with_customer", "available"]


def test_until_i_switch_back_has_no_end(window, clock):
    window.set_availability(Availability.ON_BREAK, None)
    assert window.away_label.text() == "On a break"
    clock.advance(hours=8)
    window.check_away()
    assert window.availability() == Availability.ON_BREAK
    window.set_availability(Availability.AVAILABLE)
    assert window.availability() == Availability.AVAILABLE


def test_the_toolbar_offers_the_durations(window):
    button = window.away_buttons[Availability.WITH_CUSTOMER]
    menu = button.menu()
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["For 15 minutes", "For 30 minutes", "For 1 hour", "Until I switch back"]
    menu.actions()[2].trigger()
    assert window.away_until == NOW + timedelta(hours=1)
    menu.aboutToShow.emit()
    assert menu.actions()[0].text() == "I'm available again"
    menu.actions()[0].trigger()
    assert window.availability() == Availability.AVAILABLE and window.away_until is None


# -- 2 and 4: leads not taken yet ------------------------------------------------------------


def test_leads_waiting_for_opening_and_passed_on_stay_reachable(window, qtbot):
    opening = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)  # tomorrow 09:00 in Amsterdam
    rows = [
        Unclaimed(view(1, owner=None), starts=opening),
        Unclaimed(view(2, owner=None), dismissed_at=NOW - timedelta(minutes=3)),
    ]
    window.set_unclaimed(rows)
    panel = window.unclaimed
    assert not panel.isHidden()
    assert panel.heading.text() == "Not taken yet (2)"
    cells = [[panel.table.item(r, c).text() for c in range(3)] for r in range(2)]
    assert (
        cells[0][0] == "Jan Jansen" and cells[0][2] == "waiting for opening · alerts tomorrow 09:00"
    )
    assert cells[1][0] == "Fatima el Amrani" and cells[1][2] == "you said Not me · 10:09"
    panel.table.selectRow(0)
    assert panel.take_button.isEnabled() and not panel.again_button.isEnabled()
    with qtbot.waitSignal(panel.take_requested) as took:
        panel.take_button.click()
    assert took.args == ["L000000000000001"]
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.alert_again_requested) as again:
        panel.again_button.click()
    assert again.args == ["L000000000000002"]
    window.set_unclaimed([])
    assert panel.isHidden()


def test_the_status_bar_waiting_count_opens_the_list_even_before_opening(window):
    window.status.set_waiting(0, 1)
    assert window.status.waiting.isEnabled()  # it used to do nothing


# -- 6: undo -----------------------------------------------------------------------------------


def test_the_snackbar_holds_an_action_until_its_time_is_up(qtbot):
    bar = Snackbar()
    qtbot.addWidget(bar)
    done: list[str] = []
    bar.offer("Jan Jansen: marked sold", commit=lambda: done.append("sold"))
    assert not bar.isHidden() and done == []
    bar.expire()
    assert done == ["sold"] and bar.isHidden()
    bar.offer("Jan Jansen: marked sold", commit=lambda: done.append("again"))
    bar.undo_button.click()
    assert done == ["sold"] and bar.isHidden()  # undone: never done
    bar.offer("A", commit=lambda: done.append("A"))
    bar.offer("B", commit=lambda: done.append("B"))  # a new one does the pending one first
    assert done == ["sold", "A"]
    bar.flush()
    assert done == ["sold", "A", "B"]
    assert not bar.timer.isActive()


# -- 11 and 13: a call put off, an appointment ----------------------------------------------


def test_a_call_put_off_says_so_in_the_list(window):
    window.set_leads([view(1, due=NOW)])
    assert window.model.index(0, NEXT).data() == "First call due 10:12"
    window.set_unrecorded({"L000000000000001": NOW - timedelta(minutes=2)})
    assert window.model.index(0, NEXT).data() == "Call started 10:10 — record the outcome"


def test_the_appointment_shows_in_my_leads(window):
    at = datetime(2026, 11, 26, 10, 0, tzinfo=AMS)
    note = appointment_note(at, AMS, "neemt partner mee")
    window.set_leads([view(1, attempts=[("appointment", note)], status=LeadStatus.APPOINTMENT)])
    assert window.model.index(0, NEXT).data() == "Appointment tomorrow 10:00"


# -- 15: Mark lost -----------------------------------------------------------------------------


def test_mark_lost_offers_only_what_fits_and_preselects_nothing(qtbot):
    dialog = LostReasonDialog(view(1, attempts=[("voicemail", None)]))
    qtbot.addWidget(dialog)
    reasons = [b.property("reason") for b in dialog.group.buttons()]
    assert "no_response" not in reasons  # one call is not "three attempts"
    assert dialog.group.checkedButton() is None and not dialog.ok.isEnabled()
    assert dialog.windowTitle() == "Mark lost"  # the name is inside, in full
    other = next(b for b in dialog.group.buttons() if b.property("reason") == "other")
    other.setChecked(True)
    assert dialog.other.isEnabled() and not dialog.ok.isEnabled()
    dialog.other.setText("  Wacht op   de nieuwe  ")
    assert dialog.ok.isEnabled()
    assert dialog.reason() == "other: Wacht op de nieuwe"
    three = LostReasonDialog(view(1, attempts=[("voicemail", None)] * 3))
    qtbot.addWidget(three)
    assert "no_response" in [b.property("reason") for b in three.group.buttons()]


# -- 16: a message from the salesperson's own phone ---------------------------------------------


def test_whatsapp_and_sms_links_carry_a_short_message(qtbot):
    lead = view(1)
    text = message_text(lead, "Sanne de Vries")
    assert text.startswith("Hello Jan,") and "Volkswagen Golf 2021" in text
    assert text.endswith("Kind regards, Sanne de Vries")
    wa = whatsapp_link(lead, text)
    assert wa is not None and wa.startswith("https://wa.me/31612345671?text=")
    assert unquote(wa.split("text=", 1)[1]) == text
    sms = sms_link(lead, text)
    assert sms is not None and sms.startswith("sms:+31612345671?body=")
    dialog = TouchDialog(lead, "Sanne de Vries")
    qtbot.addWidget(dialog)
    assert not dialog.codes["whatsapp"].pixmap().isNull()
    assert not dialog.codes["sms"].pixmap().isNull()
    dialog.buttons["whatsapp"].click()
    assert dialog.note() == "WhatsApp sent"


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface")  # offscreen has no tray
def test_the_tray_offers_the_same_durations(window):
    from app.ui.common.tray import Tray
    from app.ui.icons import app_icon

    tray = Tray(app_icon(), window.away_menus(), available=lambda: True)
    try:
        assert tray.menu is not None
        subs = [a.menu() for a in tray.menu.actions() if a.menu() is not None]
        assert [m.title() for m in subs] == ["With a customer", "On a break"]
        subs[1].aboutToShow.emit()
        subs[1].actions()[0].trigger()  # on a break for 15 minutes
        assert window.availability() == Availability.ON_BREAK
        assert window.away_until == NOW + timedelta(minutes=15)
    finally:
        window.set_availability(Availability.AVAILABLE)
        tray.hide()
        tray.deleteLater()
