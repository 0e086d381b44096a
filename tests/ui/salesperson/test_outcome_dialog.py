"""The outcome prompt: one click records the outcome; a note is optional."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.core.events import OUTCOMES
from app.ui.salesperson.outcome_dialog import OutcomeChoice, OutcomeDialog

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
        ("appointment", "appointment", None),
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
    click_in_modal("appointment")
    assert OutcomeDialog.ask(None, make_view(1)) == OutcomeChoice("appointment")


def test_ask_returns_none_when_put_off(qtbot, make_view):
    click_in_modal(None)
    assert OutcomeDialog.ask(None, make_view(1)) is None
