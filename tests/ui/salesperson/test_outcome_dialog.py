"""The outcome prompt: one click records the outcome; a note is optional."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from app.core.events import OUTCOMES
from app.ui.salesperson.outcome_dialog import OutcomeChoice, OutcomeDialog, default_appointment

# The offscreen platform can't pass size hints on to a window; not our warning.


@pytest.fixture
def dialog(qtbot, make_view):
    widget = OutcomeDialog(make_view(1, attempts=1))
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    ("button", "outcome", "lost_reason"),
    [
        ("reached", "reached", None),
        ("not_interested", "reached", "not_interested"),
        ("voicemail", "voicemail", None),
        ("no_answer", "no_answer", None),
        ("busy", "busy", None),
        ("wrong_number", "wrong_number", "wrong_number"),  # follow-up is pointless: closed
    ],
)
def test_one_click_records_the_outcome(qtbot, dialog, button, outcome, lost_reason):
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons[button], Qt.MouseButton.LeftButton)
    assert dialog.choice == OutcomeChoice(outcome, None, lost_reason)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert outcome in OUTCOMES  # the engine accepts it


def test_a_note_goes_with_the_click(qtbot, dialog):
    qtbot.keyClicks(dialog.note, "  Belt terug na 17:00 ")
    dialog.buttons["voicemail"].click()
    assert dialog.choice == OutcomeChoice("voicemail", "Belt terug na 17:00", None)


def test_enter_in_the_note_picks_no_outcome(qtbot, dialog):
    qtbot.keyClicks(dialog.note, "Zoon neemt op")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.choice is None
    assert dialog.isVisible()


@pytest.mark.parametrize(
    ("attempts", "text"), [(0, "Attempt 1 of 3"), (2, "Attempt 3 of 3"), (3, "Attempt 4")]
)
def test_shows_which_attempt_this_is(qtbot, make_view, attempts, text):
    dialog = OutcomeDialog(make_view(1, attempts=attempts))
    qtbot.addWidget(dialog)
    assert dialog.attempt_label.text() == text


def test_title_names_the_customer(dialog):
    assert dialog.windowTitle() == "Call outcome — Jan Jansen"
    assert dialog.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_later_records_nothing(qtbot, dialog):
    with qtbot.waitSignal(dialog.rejected):
        dialog.findChild(type(dialog.buttons["busy"]), "outcome-cancel").click()
    assert dialog.choice is None


def click_in_modal(key: str | None) -> None:
    """Once ask() is showing its dialog, click an outcome (or press Esc)."""

    def act() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, OutcomeDialog)
        if key is None:
            modal.reject()
        else:
            modal.buttons[key].click()

    QTimer.singleShot(0, act)


def test_ask_returns_the_choice(qtbot, make_view):
    click_in_modal("reached")
    assert OutcomeDialog.ask(None, make_view(1)) == OutcomeChoice("reached")


def test_ask_returns_none_when_put_off(qtbot, make_view):
    click_in_modal(None)
    assert OutcomeDialog.ask(None, make_view(1)) is None


# -- issue 15: the number, the question, keys, the appointment's time, the same look ---------

AMS = ZoneInfo("Europe/Amsterdam")


def test_the_number_and_the_question_stay_in_view(dialog):
    assert dialog.phone.text() == "06 12345678" and not dialog.phone.isHidden()
    assert dialog.question.text() == "“Is deze auto nog beschikbaar?”"
    assert not dialog.question.isHidden()


@pytest.mark.parametrize(
    ("key", "outcome"),
    [(Qt.Key.Key_2, "reached"), (Qt.Key.Key_4, "voicemail"), (Qt.Key.Key_5, "no_answer")],
)
def test_keys_pick_an_outcome(qtbot, dialog, key, outcome):
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, key)
    assert dialog.choice is not None and dialog.choice.outcome == outcome


def test_a_digit_typed_in_the_note_is_text_not_an_outcome(qtbot, dialog):
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "na 5 uur")
    assert dialog.choice is None and dialog.note.text() == "na 5 uur"


def test_esc_is_later(qtbot, dialog):
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is None


def test_appointment_made_asks_when_tomorrow_by_default(qtbot, make_view):
    now = datetime(2026, 11, 25, 14, 27, tzinfo=AMS)
    dialog = OutcomeDialog(make_view(1, attempts=1), now=now, tz=AMS)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note.setText("neemt partner mee")
    dialog.buttons["appointment"].click()
    assert dialog.choice is None and not dialog.when_box.isHidden()  # not recorded yet
    assert dialog.when.dateTime().toPython().replace(tzinfo=None) == datetime(2026, 11, 26, 10, 0)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_when.click()
    at = datetime(2026, 11, 26, 10, 0, tzinfo=AMS)
    assert dialog.choice == OutcomeChoice(
        "appointment", "Appointment 2026-11-26 10:00 · neemt partner mee", None, at
    )


def test_default_appointment_is_tomorrow_at_ten():
    late = datetime(2026, 11, 25, 23, 30, tzinfo=AMS)
    assert default_appointment(late, AMS) == datetime(2026, 11, 26, 10, 0, tzinfo=AMS)


def test_it_looks_the_same_over_the_alert_and_over_the_main_window(qtbot, clock, make_view):
    from app.ui.alert.alert_window import AlertWindow
    from app.ui.salesperson.main_window import MainWindow

    alert = AlertWindow(clock)
    window = MainWindow(clock, AMS, "piet")
    window.quitting = True  # closing it at the end must not ask
    qtbot.addWidget(alert)
    qtbot.addWidget(window)

    def look(parent):
        dialog = OutcomeDialog(make_view(1), parent)
        qtbot.addWidget(dialog)
        dialog.ensurePolished()
        for child in dialog.findChildren(QWidget):
            child.ensurePolished()
        return [
            (w.objectName(), w.font().bold(), w.font().pixelSize(), w.font().family())
            for w in [*dialog.findChildren(QLabel), *dialog.findChildren(QPushButton)]
        ]

    assert look(alert) == look(window) == look(None)
