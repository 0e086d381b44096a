"""The alert on a first real day (issue 15): long names, a lead given back, keys while
calling, the question during the call, "Not me" with Undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from app.engine.desk import ClaimOutcome
from app.engine.unclaimed import HandedBack
from app.engine.views import AttemptView
from app.ui.alert import call_panel
from app.ui.alert import theme as th
from app.ui.alert.alert_window import AlertWindow
from app.ui.alert.call_panel import CallPanel, CallWindow

NOW = datetime(2026, 11, 25, 9, 12, 0, tzinfo=UTC)  # as in conftest.py


class FakeSound:
    def play(self) -> bool:
        return True


def arm(clock):
    clock.advance(0.5)  # past the keystroke guard


LONG = "Mevrouw Alexandra Wilhelmina van der Heijden-Vermeulen-Oosterhuis"


@pytest.fixture
def dialled(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(call_panel, "open_tel_link", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def alert(qtbot, clock, dialled):
    window = AlertWindow(clock, sound=FakeSound(), notice_ms=30)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_a_long_name_wraps_to_two_lines_at_a_readable_size(alert, make_view, qtbot, width, height):
    alert.resize(width, height)
    alert.set_leads([make_view(1, name=LONG)])
    qtbot.waitUntil(alert.isVisible)
    alert.resize(width, height)
    qtbot.waitUntil(lambda: alert.name.width() > 0)
    name = alert.name
    assert name.full_text() == LONG and name.text() == LONG  # all of it, not elided
    assert name.lines == 2
    car_px = th.px(28, alert._scale)  # the car line under it
    assert name.px() > car_px  # it shrank to ~20 px before, smaller than the car line
    line = QFontMetrics(name.font()).lineSpacing()
    assert name.height() >= 2 * line


def test_a_short_name_stays_on_one_line_at_full_size(alert, make_view, qtbot):
    alert.resize(1366, 768)
    alert.set_leads([make_view(1)])
    qtbot.waitUntil(alert.isVisible)
    qtbot.waitUntil(lambda: alert.name.width() > 0)
    assert alert.name.lines == 1
    assert alert.name.text() == "Jan Jansen"


def test_a_lead_given_back_says_by_whom_and_which_calls_were_made(alert, make_view, clock):
    view = make_view(1, landed=NOW - timedelta(minutes=8))
    alert.set_leads([view])
    calls = (
        AttemptView(1, NOW - timedelta(minutes=6), "voicemail", user="Bram"),
        AttemptView(2, NOW - timedelta(minutes=3), "no_answer", user="Bram"),
    )
    alert.set_history({view.id: HandedBack("Bram", calls)})
    text = alert.history.text()
    assert not alert.history.isHidden()
    assert text.startswith("Given back by Bram · 2 calls: voicemail, no answer")
    assert "Voicemail (Bram)" in text and "No answer (Bram)" in text  # the call log
    assert alert.kicker.text().startswith("Given back to the team")
    # Another lead, never given back: no such line.
    alert.set_history({})
    assert alert.history.isHidden()
    assert alert.kicker.text().startswith("New lead")


def test_enter_and_esc_end_the_call_on_the_call_screen(alert, make_view, clock, qtbot):
    alert.set_leads([make_view(1)])
    arm(clock)
    with qtbot.waitSignal(alert.call_requested):
        qtbot.keyClick(alert, Qt.Key.Key_Return)
    assert alert.claim_result(alert.current_id(), ClaimOutcome(True, "piet"), calling=True)
    assert alert.pages.currentWidget() is alert.call_panel
    with qtbot.waitSignal(alert.call_finished) as finished:
        qtbot.keyClick(alert, Qt.Key.Key_Escape)
    assert finished.args == ["L000000000000001"]


def test_the_call_screen_keeps_the_customers_question_in_view(qtbot, make_view, dialled):
    panel = CallPanel()
    qtbot.addWidget(panel)
    panel.show_lead(make_view(1), dial=True)
    assert panel.question.text() == "“Is deze auto nog beschikbaar?”"
    assert not panel.question.isHidden()
    panel.show_lead(make_view(1, message=""))
    assert panel.question.isHidden()


def test_the_call_window_keeps_the_number_until_the_call_is_over(qtbot, make_view, dialled):
    window = CallWindow()
    qtbot.addWidget(window)
    window.call(make_view(1))
    assert dialled == ["tel:+31612345678"]
    assert window.isVisible() and window.panel.number.full_text() == "06 12345678"
    with qtbot.waitSignal(window.outcome_requested) as done:
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert done.args == ["L000000000000001"]
    assert not window.isVisible()


def test_not_me_can_be_undone_on_the_alert(alert, make_view, clock, qtbot):
    alert.set_leads([make_view(1), make_view(2)])
    arm(clock)
    with qtbot.waitSignal(alert.dismiss_requested):
        qtbot.keyClick(alert, Qt.Key.Key_Escape)
    assert alert.current_id() == "L000000000000002"
    undone: list[str] = []
    alert.snackbar.offer("Not me: Jan Jansen", undo=lambda: undone.append("yes"))
    alert.snackbar.undo_button.click()
    assert undone == ["yes"] and alert.snackbar.isHidden()
    alert.forget("L000000000000001")
    alert.set_leads([make_view(1), make_view(2)])
    assert alert.waiting_count() == 1  # Jan is back in the queue
