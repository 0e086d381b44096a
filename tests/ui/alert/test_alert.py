"""The alert window, driven by a FakeClock: countdown, keys, guard, queue, claims."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from app.engine.desk import ClaimOutcome
from app.ui.alert import call_panel
from app.ui.alert.alert_window import AlertWindow

# The offscreen platform can't raise windows or pass size hints on; that's not our warning.


class FakeSound:
    def __init__(self) -> None:
        self.plays = 0

    def play(self) -> bool:
        self.plays += 1
        return True


@pytest.fixture
def dialled(monkeypatch):
    urls: list[str] = []

    def fake_open(url: str) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(call_panel, "open_tel_link", fake_open)
    return urls


@pytest.fixture
def alert(qtbot, clock, dialled):
    window = AlertWindow(clock, sound=FakeSound(), notice_ms=30)
    qtbot.addWidget(window)
    return window


def arm(clock):
    """Let the keystroke guard (0.4 s) pass."""
    clock.advance(0.5)


def tick_timer(alert):
    return alert.findChild(QTimer, "alert-tick")


# -- what it shows ---------------------------------------------------------------------------


def test_shows_the_lead_full_screen_on_top_with_the_name_in_the_title(alert, make_view):
    alert.set_leads([make_view(1)])
    assert alert.isVisible()
    assert alert.windowTitle() == "New lead — Jan Jansen"
    flags = alert.windowFlags()
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert flags & Qt.WindowType.FramelessWindowHint
    assert alert.geometry() == QGuiApplication.primaryScreen().geometry()
    assert alert.name.full_text() == "Jan Jansen"
    assert alert.phone.full_text() == "06 12345678"
    assert alert.vehicle.text() == "Volkswagen Golf 2021 · €\u00a021,950 · stock\u00a0V1234"
    assert alert.message.text() == "“Is deze auto nog beschikbaar?”"
    assert alert.sound.plays == 1


def test_vehicle_as_plain_text_and_unvalidated_phone(alert, make_view):
    view = make_view(
        2,
        vehicle=json.dumps({"text": "Blauwe Fiat 500 uit de advertentie"}),
        phone_display=None,
        phone_e164=None,
        phone_valid=0,
        phone_raw="0612-345",
    )
    alert.set_leads([view])
    assert alert.vehicle.text() == "Blauwe Fiat 500 uit de advertentie"
    assert alert.phone.full_text() == "0612-345"


def test_no_name_shows_the_number_as_the_headline(alert, make_view):
    alert.set_leads([make_view(1, name="")])
    assert alert.windowTitle() == "New lead — 06 12345678"
    assert alert.name.full_text() == "06 12345678"


def test_landed_and_asked_times(alert, clock, make_view):
    landed = clock.now() - timedelta(seconds=70)
    view = make_view(1, landed=landed, requested_at=(landed - timedelta(minutes=3)).isoformat())
    alert.set_leads([view])
    assert "via website" in alert.kicker.text()
    assert "landed 1 min ago" in alert.kicker.text()
    assert alert.asked.isVisible()
    assert alert.asked.text() == "asked 4 min ago"


def test_asked_is_hidden_when_the_request_came_straight_in(alert, clock, make_view):
    landed = clock.now()
    view = make_view(1, landed=landed, requested_at=(landed - timedelta(seconds=40)).isoformat())
    alert.set_leads([view])
    assert "landed just now" in alert.kicker.text()
    assert not alert.asked.isVisible()


def test_long_durations_read_in_hours_and_days(alert, clock, make_view):
    alert.set_leads([make_view(1, landed=clock.now() - timedelta(hours=2, minutes=5))])
    assert "landed 2 h 05 min ago" in alert.kicker.text()
    clock.advance(days=1)
    alert._update_times()
    assert "landed 1 d 2 h ago" in alert.kicker.text()


# -- the countdown ---------------------------------------------------------------------------


def test_countdown_runs_from_the_sla_start_not_from_when_it_was_noticed(alert, clock, make_view):
    alert.set_leads([make_view(1, landed=clock.now() - timedelta(seconds=30))])
    assert alert.countdown.full_text() == "1:30"
    assert alert.clock_card.property("phase") == "normal"


def test_countdown_turns_amber_then_red_as_the_clock_moves(qtbot, alert, clock, make_view):
    alert.set_leads([make_view(1)])
    assert tick_timer(alert).isActive()
    clock.advance(91)
    qtbot.waitUntil(lambda: alert.countdown.full_text() == "0:29")
    assert alert.clock_card.property("phase") == "amber"
    assert alert.clock_caption.text() == "Call within"
    clock.advance(74)
    qtbot.waitUntil(lambda: alert.countdown.full_text() == "+0:45")
    assert alert.clock_card.property("phase") == "overtime"
    assert alert.clock_caption.text() == "Over time"


def test_the_tick_stops_when_the_alert_hides(alert, make_view):
    alert.set_leads([make_view(1)])
    assert tick_timer(alert).isActive()
    alert.set_leads([])
    assert not alert.isVisible()
    assert not tick_timer(alert).isActive()


# -- keys, buttons and the guard -------------------------------------------------------------


def test_enter_calls(qtbot, alert, clock, make_view):
    view = make_view(1)
    alert.set_leads([view])
    arm(clock)
    with qtbot.waitSignal(alert.call_requested) as sig:
        qtbot.keyClick(alert, Qt.Key.Key_Return)
    assert sig.args == [view.id]
    assert alert.status.text() == "Claiming the lead…"
    assert not alert.call_button.isEnabled()


def test_keypad_enter_calls_too(qtbot, alert, clock, make_view):
    alert.set_leads([make_view(1)])
    arm(clock)
    with qtbot.waitSignal(alert.call_requested):
        qtbot.keyClick(alert, Qt.Key.Key_Enter)


def test_escape_dismisses_and_moves_on(qtbot, alert, clock, make_view):
    first, second = make_view(1), make_view(2)
    alert.set_leads([first, second])
    arm(clock)
    with qtbot.waitSignal(alert.dismiss_requested) as sig:
        qtbot.keyClick(alert, Qt.Key.Key_Escape)
    assert sig.args == [first.id]
    assert alert.current_id() == second.id
    assert alert.windowTitle() == "New lead — Fatima el Amrani"


def test_take_it_button(qtbot, alert, clock, make_view):
    view = make_view(1)
    alert.set_leads([view])
    arm(clock)
    with qtbot.waitSignal(alert.take_requested) as sig:
        qtbot.mouseClick(alert.take_button, Qt.MouseButton.LeftButton)
    assert sig.args == [view.id]


def test_keys_right_after_the_alert_appears_are_ignored(qtbot, alert, clock, make_view):
    # Someone typing an e-mail must not claim (Enter) or dismiss (Esc) a lead by accident.
    alert.set_leads([make_view(1)])
    clock.advance(0.3)
    with (
        qtbot.assertNotEmitted(alert.call_requested),
        qtbot.assertNotEmitted(alert.dismiss_requested),
    ):
        qtbot.keyClick(alert, Qt.Key.Key_Return)
        qtbot.keyClick(alert, Qt.Key.Key_Escape)
        qtbot.mouseClick(alert.call_button, Qt.MouseButton.LeftButton)
    clock.advance(0.2)
    with qtbot.waitSignal(alert.call_requested):
        qtbot.keyClick(alert, Qt.Key.Key_Return)


def test_the_guard_rearms_for_the_next_lead(qtbot, alert, clock, make_view):
    alert.set_leads([make_view(1), make_view(2)])
    arm(clock)
    qtbot.keyClick(alert, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(alert.dismiss_requested):
        qtbot.keyClick(alert, Qt.Key.Key_Escape)  # a double Esc doesn't also drop lead 2
    assert alert.current_id() == make_view(2).id


def test_a_held_down_key_does_not_act(qtbot, alert, clock, make_view):
    alert.set_leads([make_view(1)])
    arm(clock)
    repeat = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True
    )
    with qtbot.assertNotEmitted(alert.call_requested):
        QApplication.sendEvent(alert, repeat)


def key_event(kind: QEvent.Type, key: Qt.Key, at_ms: int, *, repeat: bool = False) -> QKeyEvent:
    """A key event as the platform sends it: with its timestamp (QTest's have none)."""
    text = "\x1b" if key == Qt.Key.Key_Escape else "\r"
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text, repeat)
    event.setTimestamp(at_ms)
    return event


def send_key(alert, kind: QEvent.Type, key: Qt.Key, at_ms: int, *, repeat: bool = False) -> None:
    QApplication.sendEvent(alert, key_event(kind, key, at_ms, repeat=repeat))


PRESS, RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease


def test_a_key_held_when_the_alert_appeared_never_acts(qtbot, alert, clock, make_view):
    """Esc held down (typing elsewhere) as a lead pops up. Its auto-repeat reaches the
    alert as flagged repeats, or as a release and a press at the same instant (X11); none
    of it may dismiss the lead, long after the guard, nor letting go at last."""
    esc = Qt.Key.Key_Escape
    alert.set_leads([make_view(1), make_view(2)])
    arm(clock)
    with qtbot.assertNotEmitted(alert.dismiss_requested):
        send_key(alert, PRESS, esc, 1000, repeat=True)
        send_key(alert, RELEASE, esc, 1033, repeat=True)
        for at in (1066, 1100, 1133):  # repeats that reached the window as real events
            send_key(alert, RELEASE, esc, at)
            send_key(alert, PRESS, esc, at)
        clock.advance(2)
        send_key(alert, RELEASE, esc, 3000)  # let go: its press was before the alert
    assert alert.current_id() == make_view(1).id
    # A real press and release afterwards acts as ever.
    with qtbot.waitSignal(alert.dismiss_requested) as sig:
        send_key(alert, PRESS, esc, 3400)
        send_key(alert, RELEASE, esc, 3480)
    assert sig.args == [make_view(1).id]


def test_enter_pressed_during_the_guard_does_not_call_when_let_go(qtbot, alert, clock, make_view):
    """Keys act on release; a press during the guard acts on nothing when let go."""
    enter = Qt.Key.Key_Return
    alert.set_leads([make_view(1)])
    clock.advance(0.3)
    send_key(alert, PRESS, enter, 500)  # during the guard
    arm(clock)
    with qtbot.assertNotEmitted(alert.call_requested):
        send_key(alert, PRESS, enter, 900, repeat=True)
        send_key(alert, RELEASE, enter, 1200)
    with qtbot.waitSignal(alert.call_requested):
        send_key(alert, PRESS, enter, 1500)
        send_key(alert, RELEASE, enter, 1600)


def test_a_clock_jumping_backwards_does_not_lock_the_buttons(qtbot, alert, clock, make_view):
    alert.set_leads([make_view(1)])
    clock.advance(-3600)
    with qtbot.waitSignal(alert.call_requested):
        qtbot.keyClick(alert, Qt.Key.Key_Return)


# -- several leads ---------------------------------------------------------------------------


def test_oldest_first_with_the_rest_waiting(alert, make_view):
    alert.set_leads([make_view(1), make_view(2), make_view(3)])
    assert alert.current_id() == make_view(1).id
    assert alert.waiting.isVisible()
    assert alert.waiting.text() == "2 more waiting"


def test_waiting_badge_hidden_for_a_single_lead(alert, make_view):
    alert.set_leads([make_view(1)])
    assert not alert.waiting.isVisible()


def test_the_lead_on_screen_stays_when_an_older_one_comes_back(alert, clock, make_view):
    alert.set_leads([make_view(2)])
    older = make_view(1, landed=clock.now() - timedelta(minutes=5))
    alert.set_leads([older, make_view(2)])
    assert alert.current_id() == make_view(2).id
    assert alert.waiting.text() == "1 more waiting"
    assert alert.sound.plays == 1  # no second chime for a lead already on screen


def test_a_dismissed_lead_does_not_come_back_from_a_stale_list(alert, clock, make_view):
    alert.set_leads([make_view(1), make_view(2)])
    arm(clock)
    alert.dismiss_button.click()
    alert.set_leads([make_view(1), make_view(2)])  # the poll before the dismissal was stored
    assert alert.current_id() == make_view(2).id


def test_a_released_lead_alerts_again(alert, clock, make_view):
    alert.set_leads([make_view(1)])
    arm(clock)
    alert.dismiss_button.click()
    assert not alert.isVisible()
    alert.set_leads([])  # it left the list (claimed) …
    alert.set_leads([make_view(1)])  # … and came back: released to the team
    assert alert.isVisible()
    assert alert.current_id() == make_view(1).id
    assert alert.sound.plays == 2


# -- claims ----------------------------------------------------------------------------------


def claim(alert, clock, view, *, calling=True):
    arm(clock)
    (alert.call_button if calling else alert.take_button).click()
    assert alert.current_id() == view.id


def test_won_call_shows_the_call_panel_and_dials(qtbot, alert, clock, make_view, dialled):
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view)
    assert alert.claim_result(view.id, ClaimOutcome(True, "piet"), calling=True)
    assert alert.pages.currentWidget() is alert.call_panel
    assert alert.call_panel.number.full_text() == "06 12345678"
    assert dialled == ["tel:+31612345678"]
    with qtbot.waitSignal(alert.call_finished) as sig:
        alert.call_panel.done_button.click()
    assert sig.args == [view.id]
    assert not alert.isVisible()


def test_new_leads_wait_while_calling_then_show(qtbot, alert, clock, make_view):
    view, other = make_view(1), make_view(2)
    alert.set_leads([view])
    claim(alert, clock, view)
    alert.claim_result(view.id, ClaimOutcome(True, "piet"), calling=True)
    alert.set_leads([other])
    assert alert.pages.currentWidget() is alert.call_panel  # not pulled away mid-call
    assert alert.waiting.text() == "1 more waiting"
    with qtbot.waitSignal(alert.call_finished):
        alert.call_panel.done_button.click()
    assert alert.isVisible()
    assert alert.current_id() == other.id
    assert alert.pages.currentIndex() == 0


def test_won_take_closes_the_lead(alert, clock, make_view, dialled):
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view, calling=False)
    alert.claim_result(view.id, ClaimOutcome(True, "piet"), calling=False)
    assert not alert.isVisible()
    assert dialled == []


def test_lost_claim_says_who_won_then_moves_on(qtbot, alert, clock, make_view):
    view, other = make_view(1), make_view(2)
    alert.set_leads([view, other])
    claim(alert, clock, view)
    alert.claim_result(view.id, ClaimOutcome(False, "Piet"), calling=True)
    assert alert.status.text() == "Taken by Piet"
    assert not alert.call_button.isEnabled()
    alert.set_leads([view, other])  # a stale poll doesn't cut the notice short
    assert alert.status.text() == "Taken by Piet"
    qtbot.waitUntil(lambda: alert.current_id() == other.id)
    assert alert.status.text() == ""
    assert alert.call_button.isEnabled()


def test_claim_error_keeps_the_lead(qtbot, alert, clock, make_view):
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view)
    alert.claim_result(view.id, ClaimOutcome(False, None, "share offline"), calling=True)
    assert alert.current_id() == view.id
    assert alert.status.text() == "Inbox unreachable — try again"
    assert alert.status.property("error") is True
    with qtbot.waitSignal(alert.call_requested):
        alert.call_button.click()  # try again: no new guard for the same lead


def test_a_claim_result_for_another_lead_is_ignored(alert, clock, make_view):
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view)
    alert.claim_result(make_view(2).id, ClaimOutcome(True, "piet"), calling=True)
    assert alert.pages.currentIndex() == 0
    assert alert.status.text() == "Claiming the lead…"


# -- a colleague takes it --------------------------------------------------------------------


def test_colleague_takes_the_lead_on_screen(qtbot, alert, make_view):
    view = make_view(1)
    alert.set_leads([view])
    alert.lead_taken(view.id, "Piet")
    assert alert.status.text() == "Piet took this lead"
    qtbot.waitUntil(lambda: not alert.isVisible())
    assert not alert.findChild(QTimer, "alert-notice").isActive()


def test_colleague_unknown(alert, make_view):
    alert.set_leads([make_view(1)])
    alert.lead_taken(make_view(1).id, None)
    assert alert.status.text() == "A colleague took this lead"


def test_colleague_takes_a_waiting_lead(alert, make_view):
    alert.set_leads([make_view(1), make_view(2), make_view(3)])
    alert.lead_taken(make_view(3).id, "Piet")
    assert alert.current_id() == make_view(1).id
    assert alert.status.text() == ""
    assert alert.waiting.text() == "1 more waiting"


def test_lead_taken_during_our_own_claim_waits_for_the_claim_result(alert, clock, make_view):
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view)
    alert.lead_taken(view.id, "Piet")
    assert alert.status.text() == "Claiming the lead…"
    alert.claim_result(view.id, ClaimOutcome(False, "Piet"), calling=True)
    assert alert.status.text() == "Taken by Piet"


# -- closing ---------------------------------------------------------------------------------


def test_closing_mid_call_still_asks_for_the_outcome(qtbot, alert, clock, make_view):
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view)
    alert.claim_result(view.id, ClaimOutcome(True, "piet"), calling=True)
    with qtbot.waitSignal(alert.call_finished) as sig:
        alert.close()
    assert sig.args == [view.id]


def test_closed_while_claiming_it_says_no_call_panel_came(alert, clock, make_view, dialled):
    """The shell keeps reminders quiet only while the call panel is up: it must know."""
    view = make_view(1)
    alert.set_leads([view])
    claim(alert, clock, view)
    alert.close()
    assert not alert.claim_result(view.id, ClaimOutcome(True, "piet"), calling=True)
    assert dialled == [] and not alert.isVisible()


def test_closing_an_unclaimed_alert_lets_it_pop_up_again(alert, make_view):
    alert.set_leads([make_view(1)])
    alert.close()
    assert not alert.isVisible()
    alert.set_leads([make_view(1)])
    assert alert.isVisible()


def test_hidden_by_the_shell_it_pops_up_again_on_the_next_poll(alert, make_view):
    alert.set_leads([make_view(1)])
    alert.hide()
    alert.set_leads([make_view(1)])
    assert alert.isVisible()
    assert alert.sound.plays == 2


def test_hiding_during_a_notice_stops_its_timer(alert, make_view):
    alert.set_leads([make_view(1), make_view(2)])
    alert.lead_taken(make_view(1).id, "Piet")
    alert.hide()
    assert not alert.findChild(QTimer, "alert-notice").isActive()
    assert not tick_timer(alert).isActive()
