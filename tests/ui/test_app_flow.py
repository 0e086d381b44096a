"""The whole app on real folder inboxes and real SQLite files, driven by a FakeClock.

Each App is one showroom PC (worker thread + main window + alert); several share one inbox.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from shell_harness import App, config, drop, lead_doc

from app.core.clock import FakeClock
from app.core.enums import LeadState, LeadStatus
from app.inbox.folder.inbox import FolderInbox
from app.ui.alert import call_panel
from app.ui.salesperson.lead_table import OVERDUE_FG
from app.ui.salesperson.outcome_dialog import OutcomeChoice, OutcomeDialog
from app.ui.salesperson.touch_dialog import TouchDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")

AMS = ZoneInfo("Europe/Amsterdam")
WED_10 = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _own_autostart_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving settings may write the autostart entry: never into the real ~/.config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(WED_10)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    root.mkdir()
    return root


@pytest.fixture
def dialled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(call_panel, "open_tel_link", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def outcomes(monkeypatch: pytest.MonkeyPatch) -> list[OutcomeChoice | None]:
    """Queue the answers of the outcome prompt; each prompt takes the next one."""
    answers: list[OutcomeChoice | None] = []

    def ask(parent, view):
        assert answers, f"unexpected outcome prompt for {view.id}"
        return answers.pop(0)

    monkeypatch.setattr(OutcomeDialog, "ask", classmethod(lambda cls, p, v, **kw: ask(p, v)))
    return answers


class Touches:
    """The WhatsApp/SMS offer after a call without an answer: what it answers (None: no
    message) and for which leads it was offered."""

    def __init__(self) -> None:
        self.answers: list[str | None] = []
        self.offered: list[str] = []

    def ask(self, view) -> str | None:
        self.offered.append(view.id)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture(autouse=True)
def touches(monkeypatch: pytest.MonkeyPatch) -> Touches:
    fake = Touches()
    monkeypatch.setattr(TouchDialog, "ask", classmethod(lambda cls, p, v, me: fake.ask(v)))
    return fake


@pytest.fixture
def make_app(qtbot, tmp_path, inbox, clock) -> Iterator:
    apps: list[App] = []

    def make(user: str | None = "piet", hours: str = "always", **kw) -> App:
        app = App(qtbot, config(tmp_path, inbox, user, hours), clock, **kw)
        apps.append(app)
        return app.start()

    yield make
    for app in apps:
        app.close()
        assert app.shell.desk_thread.finished


def claim_and_call(app: App, qtbot) -> str:
    """Press Call now on the alert; returns the lead id once the call panel shows."""
    lead_id = app.alert.current_id()
    assert lead_id
    with app.waiting("claim_done"):
        app.alert.call_button.click()
    qtbot.waitUntil(lambda: app.alert.pages.currentWidget() is app.alert.call_panel)
    return lead_id


def finish_call(app: App, qtbot) -> None:
    """Record outcome on the call panel: the (replaced) prompt answers, the worker records."""
    app.alert.call_panel.done_button.click()
    app.sync()


def view_of(app: App, lead_id: str):
    return next(v for v in app.mine() if v.id == lead_id)


# -- detection and the alert -----------------------------------------------------------------


def test_a_lead_renamed_into_the_folder_inbox_pops_the_alert(make_app, inbox, clock, qtbot):
    piet = make_app("piet")
    assert not piet.alert.isVisible()
    drop(inbox, clock, lead_doc("Jan Jansen"))
    # No explicit refresh: the watcher (or the 2 s re-list) finds it.
    qtbot.waitUntil(piet.alert.isVisible, timeout=10_000)
    assert "Jan Jansen" in piet.alert.windowTitle()
    assert piet.alert.countdown.text() == "2:00"
    # Just the name: Qt adds " — Leadpop" (the application's display name) itself.
    assert piet.window.windowTitle() == "piet"


def test_one_pc_claims_and_the_others_alert_says_who(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    piet, anna = make_app("piet"), make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    qtbot.waitUntil(lambda: piet.alert.isVisible() and anna.alert.isVisible(), timeout=10_000)
    lead_id = claim_and_call(anna, qtbot)
    assert dialled == ["tel:+31612345678"]  # dialled once, by the call panel

    qtbot.waitUntil(lambda: "anna" in piet.alert.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not piet.alert.isVisible(), timeout=10_000)
    assert (lead_id, "anna") in piet.taken
    assert [v.id for v in anna.mine()] == [lead_id]
    assert piet.mine() == []


# -- outcome, cadence, reminders -------------------------------------------------------------


def test_outcomes_drive_the_cadence_and_reminders_until_attempt_three(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    outcomes.append(OutcomeChoice("voicemail", note="ingesproken"))
    finish_call(anna, qtbot)
    view = view_of(anna, lead_id)
    assert [(a.outcome, a.note) for a in view.attempts] == [("voicemail", "ingesproken")]
    assert view.next_attempt == 2
    assert view.next_due == clock.now() + timedelta(minutes=15)
    assert not anna.alert.isVisible()

    anna.reminders.clear()
    clock.advance(minutes=14)
    anna.refresh()
    assert anna.reminders == []  # not due yet
    clock.advance(minutes=1)
    anna.refresh()
    assert [[v.id for v in r] for r in anna.reminders] == [[lead_id]]
    assert anna.window.banner.isVisible()
    assert anna.window.banner.title_label.text() == "Call Jan Jansen again — attempt 2 of 3"
    model = anna.window.model
    assert model.index(0, 1).data(0) == "Jan Jansen"
    assert model.data(model.index(0, 1), 9).color() == OVERDUE_FG  # ForegroundRole: red

    anna.reminders.clear()
    clock.advance(minutes=4)
    anna.refresh()
    assert anna.reminders == []  # repeats every 5 minutes, not every poll
    clock.advance(minutes=1)
    anna.refresh()
    assert len(anna.reminders) == 1

    # Attempt 2 from the list; attempt 3 is due two hours later.
    anna.window.open_lead(lead_id)
    outcomes.append(OutcomeChoice("no_answer"))
    anna.window.detail.call_button.click()
    assert dialled[-1] == "tel:+31612345678"
    call = anna.shell.call_window
    assert call is not None and call.isVisible()  # the number stays up while dialling
    call.panel.done_button.click()
    anna.sync()
    view = view_of(anna, lead_id)
    assert view.next_attempt == 3
    assert view.next_due == clock.now() + timedelta(hours=2)
    assert not view.overdue

    anna.reminders.clear()
    clock.advance(hours=2)
    anna.refresh()
    assert len(anna.reminders) == 1
    assert anna.window.banner.title_label.text() == "Call Jan Jansen again — attempt 3 of 3"

    outcomes.append(OutcomeChoice("busy"))
    anna.window.detail.record_button.click()
    anna.sync()
    view = view_of(anna, lead_id)
    assert len(view.attempts) == 3
    assert view.next_due is None
    anna.reminders.clear()
    for _ in range(3):
        clock.advance(hours=5)
        anna.refresh()
    assert anna.reminders == []  # stops exactly after attempt 3


def test_reminders_stop_when_the_customer_is_reached(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Sanne Bakker", "06 87654321"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    outcomes.append(OutcomeChoice("reached"))
    finish_call(anna, qtbot)
    view = view_of(anna, lead_id)
    assert view.status == LeadStatus.REACHED
    assert view.next_due is None
    anna.reminders.clear()
    clock.advance(hours=3)
    anna.refresh()
    assert anna.reminders == []


def test_take_it_without_calling_reminds_of_the_first_call(make_app, inbox, clock, qtbot):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    with anna.waiting("claim_done"):
        anna.alert.take_button.click()
    anna.refresh()
    assert anna.reminders, "the first call is due at once"
    assert anna.window.banner.title_label.text() == "Call Jan Jansen — attempt 1 of 3"


def test_a_call_whose_alert_closed_before_the_claim_came_back_still_reminds(
    make_app, inbox, clock, qtbot, dialled
):
    """Call now, then the alert closes while the claim is pending: no call panel, so no
    outcome prompt either. The reminders must still come, not stay quiet for good."""
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    with anna.waiting("claim_done"):
        anna.alert.call_button.click()
        anna.alert.close()  # Alt+F4 while it says "Claiming the lead…"
    [view] = anna.mine()
    assert dialled == [] and not anna.alert.isVisible()
    clock.advance(minutes=6)  # the first nag after a "Call now" comes 5 minutes on
    anna.refresh()
    assert [[v.id for v in r] for r in anna.reminders] == [[view.id]]
    assert anna.window.banner.title_label.text() == "Call Jan Jansen — attempt 1 of 3"


# -- routing: availability and opening hours -------------------------------------------------


def test_with_a_customer_a_new_lead_comes_as_a_message(make_app, inbox, clock, qtbot):
    piet, anna = make_app("piet"), make_app("anna")
    piet.window.with_customer_action.trigger()
    assert "With a customer" in piet.window.status.availability.text()
    drop(inbox, clock, lead_doc("Jan Jansen"))
    qtbot.waitUntil(anna.alert.isVisible, timeout=10_000)  # it pops for the others
    piet.refresh()
    assert not piet.alert.isVisible()
    assert piet.window.banner.isVisible()
    assert piet.window.banner.title_label.text() == "New lead — Jan Jansen"

    piet.window.banner.hide()
    piet.refresh()
    assert not piet.window.banner.isVisible()  # one message per lead, not one per poll

    piet.window.banner.open_button.click()  # clicking the message shows the alert anyway
    assert piet.alert.isVisible()
    piet.window.with_customer_action.trigger()  # available again
    piet.refresh()
    assert piet.alert.isVisible()


def test_a_manager_may_switch_the_alert_off(make_app, inbox, clock, qtbot, monkeypatch):
    from app.ui.common.settings_dialog import SettingsDialog

    boss = make_app("boss")

    def edit(cls, parent, current):
        assert current["name"] == "boss" and "name" in current["fixed"]
        return {**current, "role": "manager", "manager_alert": False}

    monkeypatch.setattr(SettingsDialog, "edit", classmethod(edit))
    boss.window.settings_action.trigger()
    boss.sync()
    drop(inbox, clock, lead_doc("Jan Jansen"))
    boss.refresh()
    assert not boss.alert.isVisible()
    assert boss.window.banner.title_label.text() == "New lead — Jan Jansen"


def test_the_team_tab_comes_and_goes_with_the_manager_role(
    make_app, inbox, clock, qtbot, monkeypatch
):
    from app.ui.common.settings_dialog import SettingsDialog

    boss = make_app("boss")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    tabs = boss.window.tabs
    assert tabs.count() == 1 and not tabs.tabBar().isVisible()
    role = {"role": "manager"}
    monkeypatch.setattr(
        SettingsDialog, "edit", classmethod(lambda cls, parent, current: {**current, **role})
    )
    boss.window.settings_action.trigger()
    boss.sync()
    assert tabs.count() == 2 and tabs.tabText(1) == "Team"
    team = boss.shell.team_tab
    assert team is not None
    # Its own worker thread reads the inbox and shows the unclaimed lead on the board.
    qtbot.waitUntil(lambda: [u.name for u in team.board.unclaimed] == ["Jan Jansen"], timeout=10000)
    role["role"] = "salesperson"
    boss.window.settings_action.trigger()
    boss.sync()
    assert tabs.count() == 1 and boss.shell.team_tab is None


def test_a_lead_on_saturday_evening_pops_at_monday_opening_with_a_fresh_countdown(
    make_app, inbox, clock, qtbot
):
    clock.set(datetime(2026, 11, 28, 19, 30, tzinfo=AMS))  # Saturday evening
    piet = make_app("piet", hours="mo-fr 09:00-18:00")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    piet.refresh()
    assert not piet.alert.isVisible()
    assert piet.window.status.waiting.text() == "1 waiting for opening time"

    clock.set(datetime(2026, 11, 30, 8, 59, 59, tzinfo=AMS))
    piet.refresh()
    assert not piet.alert.isVisible()
    clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=AMS))
    piet.refresh()
    assert piet.alert.isVisible()
    assert piet.alert.countdown.text() == "2:00"
    assert piet.window.status.waiting.text() == "1 lead waiting"


# -- restart ---------------------------------------------------------------------------------


def test_a_restart_restores_my_leads_attempts_and_due_reminders(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    outcomes.append(OutcomeChoice("voicemail"))
    finish_call(anna, qtbot)
    anna.close()
    assert anna.shell.desk_thread.finished

    clock.advance(minutes=20)  # attempt 2 fell due while Leadpop was closed
    again = make_app("anna")
    view = view_of(again, lead_id)
    assert [a.outcome for a in view.attempts] == ["voicemail"]
    assert view.overdue
    assert [[v.id for v in r] for r in again.reminders] == [[lead_id]]
    assert again.window.banner.title_label.text() == "Call Jan Jansen again — attempt 2 of 3"


# -- first run and settings ------------------------------------------------------------------


def test_first_run_asks_the_name_once(make_app, qtbot, monkeypatch):
    from app.ui.common.first_run import FirstRunDialog

    asked: list[str] = []

    def ask(cls, parent, default):
        asked.append(default)
        return ("Sanne Bakker", "manager")

    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(ask))
    first = make_app(None)
    assert len(asked) == 1
    assert "Sanne Bakker" in first.window.windowTitle()
    assert first.shell.prefs.role == "manager"
    first.close()
    again = make_app(None)
    assert len(asked) == 1  # saved in the store's settings
    assert again.shell.cfg.user == "Sanne Bakker"


def test_settings_change_the_cadence(make_app, inbox, clock, qtbot, monkeypatch, dialled, outcomes):
    from app.ui.common.settings_dialog import SettingsDialog

    anna = make_app("anna")
    monkeypatch.setattr(
        SettingsDialog,
        "edit",
        classmethod(lambda cls, p, cur: {**cur, "second_after_min": 10, "sound": False}),
    )
    with anna.waiting("desk_ready"):
        anna.window.settings_action.trigger()
    assert anna.shell.cfg.cadence.second_after == timedelta(minutes=10)
    assert anna.alert.sound.enabled is False
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    outcomes.append(OutcomeChoice("no_answer"))
    finish_call(anna, qtbot)
    assert view_of(anna, lead_id).next_due == clock.now() + timedelta(minutes=10)


# -- the list's actions ----------------------------------------------------------------------


def test_mark_lost_with_a_reason_and_release_to_the_team(
    make_app, inbox, clock, qtbot, monkeypatch
):
    from app.ui.salesperson.lost_dialog import LostReasonDialog

    piet, anna = make_app("piet"), make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    drop(inbox, clock, lead_doc("Sanne Bakker", "06 87654321"))
    anna.refresh()
    first = anna.alert.current_id()
    with anna.waiting("claim_done"):
        anna.alert.take_button.click()
    qtbot.waitUntil(lambda: anna.alert.current_id() not in (None, first), timeout=10_000)
    second = anna.alert.current_id()
    with anna.waiting("claim_done"):
        anna.alert.take_button.click()
    anna.refresh()
    assert {v.id for v in anna.mine()} == {first, second}

    monkeypatch.setattr(LostReasonDialog, "ask", classmethod(lambda c, p, v: "bought_elsewhere"))
    anna.window.open_lead(first)
    anna.window.detail.lost_button.click()
    anna.window.snackbar.expire()  # Undo's few seconds are over
    anna.sync()
    lost = next(v for v in anna.window.model.views if v.id == first)
    assert lost.state == LeadState.LOST and lost.lost_reason == "bought_elsewhere"

    anna.window.open_lead(second)
    anna.window.detail.release_button.click()
    anna.window.snackbar.expire()
    anna.sync()
    assert second not in {v.id for v in anna.mine()}
    qtbot.waitUntil(
        lambda: piet.alert.isVisible() and piet.alert.current_id() == second, timeout=10_000
    )


def test_the_inbox_going_away_shows_in_the_status_bar(make_app, inbox, clock, qtbot):
    piet = make_app("piet")
    assert piet.window.status.health.text() == "Inbox connected"
    inbox.rename(inbox.with_name("gone"))
    piet.refresh()
    assert piet.window.status.health.text() == "Inbox unreachable since 10:00 — retrying…"
    inbox.with_name("gone").rename(inbox)
    clock.advance(seconds=3)  # past the first back-off (2 s)
    piet.refresh()
    assert piet.window.status.health.text() == "Inbox connected"


# -- issue 15: the salesperson's first real day ----------------------------------------------


def test_a_lead_waiting_for_opening_is_listed_and_can_be_taken_early(make_app, inbox, clock, qtbot):
    clock.set(datetime(2026, 11, 25, 7, 30, tzinfo=AMS))  # before opening
    anna = make_app("anna", hours="mo-fr 09:00-18:00")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    assert not anna.alert.isVisible()
    panel = anna.window.unclaimed
    assert panel.heading.text() == "Not taken yet (1)"
    assert panel.table.item(0, 2).text() == "waiting for opening · alerts 09:00"
    anna.window.status.waiting.click()  # "1 waiting for opening time": shows the list
    assert panel.selected() is not None
    clock.advance(minutes=60)  # 08:30: a keen salesperson calls before opening
    with anna.waiting("claim_done"):
        panel.take_button.click()
    anna.sync()
    assert [v.shown_name for v in anna.mine()] == ["Jan Jansen"]
    assert anna.window.detail.lead_id() == anna.mine()[0].id  # opened in My leads
    assert panel.isHidden()


def test_not_me_is_undone_or_reached_again_from_the_list(make_app, inbox, clock, qtbot):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = anna.alert.current_id()
    assert lead_id
    anna.alert.dismiss_button.click()
    anna.sync()
    assert not anna.alert.isVisible()
    bar = anna.window.snackbar  # the alert closed: Undo is in the main window
    assert bar.text.text() == "Not me: Jan Jansen" and not bar.undo_button.isHidden()
    qtbot.waitUntil(lambda: anna.window.unclaimed.heading.text() == "Not taken yet (1)")
    assert anna.window.unclaimed.table.item(0, 2).text().startswith("you said Not me")
    bar.undo()
    anna.sync()
    qtbot.waitUntil(lambda: anna.alert.isVisible() and anna.alert.current_id() == lead_id)

    # Passed on again, then brought back from the list later (and after a restart, the
    # list still has it: it is the store's).
    clock.advance(seconds=1)
    anna.alert.dismiss_button.click()
    anna.sync()
    anna.window.snackbar.expire()
    qtbot.waitUntil(lambda: anna.window.unclaimed.rows != [])
    anna.window.unclaimed.table.selectRow(0)
    anna.window.unclaimed.again_button.click()
    anna.sync()
    qtbot.waitUntil(lambda: anna.alert.isVisible() and anna.alert.current_id() == lead_id)


def test_a_released_lead_says_who_gave_it_back_and_its_calls(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    bram, anna = make_app("Bram"), make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    bram.refresh()
    lead_id = claim_and_call(bram, qtbot)
    outcomes.append(OutcomeChoice("voicemail"))
    finish_call(bram, qtbot)
    clock.advance(minutes=15)
    bram.window.open_lead(lead_id)
    outcomes.append(OutcomeChoice("no_answer"))
    bram.shell.ask_outcome(lead_id)
    bram.sync()
    bram.window.detail.release_button.click()
    bram.window.snackbar.expire()
    bram.sync()
    anna.refresh()
    qtbot.waitUntil(lambda: anna.alert.isVisible() and anna.alert.current_id() == lead_id)
    anna.sync()  # the history follows the lists
    qtbot.waitUntil(lambda: not anna.alert.history.isHidden(), timeout=10_000)
    text = anna.alert.history.text()
    assert text.startswith("Given back by Bram · 2 calls: voicemail, no answer")
    assert "10:00  Voicemail (Bram)" in text and "10:15  No answer (Bram)" in text

    # Taken: My leads shows the calls made before, by whom, in its call log.
    with anna.waiting("claim_done"):
        anna.alert.take_button.click()
    anna.sync()
    anna.window.open_lead(lead_id)
    log = anna.window.detail.log
    qtbot.waitUntil(lambda: log.rowCount() == 2, timeout=10_000)
    rows = [[log.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows == [["1", "10:00", "Voicemail", "by Bram"], ["2", "10:15", "No answer", "by Bram"]]


def test_sold_and_release_wait_for_undo_and_sold_asks_on_a_lead_never_called(
    make_app, inbox, clock, qtbot, monkeypatch
):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = anna.alert.current_id()
    with anna.waiting("claim_done"):
        anna.alert.take_button.click()
    anna.sync()
    asked: list[str] = []
    answer = {"yes": False}

    def confirm(view):
        asked.append(view.id)
        return answer["yes"]

    monkeypatch.setattr(anna.shell, "confirm_sold_uncalled", confirm)
    anna.window.open_lead(lead_id)
    anna.window.detail.sold_button.click()
    assert asked == [lead_id] and anna.window.snackbar.isHidden()  # asked, said no
    answer["yes"] = True
    anna.window.detail.sold_button.click()
    assert anna.window.snackbar.text.text() == "Jan Jansen: marked sold"
    detail = anna.window.detail
    assert not detail.sold_button.isEnabled() and not detail.release_button.isEnabled()
    anna.window.snackbar.undo()
    anna.sync()
    assert view_of(anna, lead_id).is_open  # undone: never marked
    assert detail.sold_button.isEnabled() and detail.release_button.isEnabled()

    anna.window.detail.release_button.click()
    anna.sync()
    assert lead_id in {v.id for v in anna.mine()}  # not yet: Undo's time
    anna.window.snackbar.expire()
    anna.sync()
    assert lead_id not in {v.id for v in anna.mine()}


def test_later_records_that_the_call_was_made_and_asks_again(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    outcomes.append(None)  # "Later"
    finish_call(anna, qtbot)
    model = anna.window.model
    assert model.index(0, 2).data() == "Call started 10:00 — record the outcome"
    anna.reminders.clear()
    clock.advance(minutes=5)
    anna.refresh()
    assert len(anna.reminders) == 1
    assert anna.window.banner.title_label.text() == "How did the call with Jan Jansen go?"
    outcomes.append(OutcomeChoice("reached"))
    anna.window.banner.open_button.click()  # opens the outcome prompt
    anna.sync()
    assert [a.outcome for a in view_of(anna, lead_id).attempts] == ["reached"]
    assert model.index(0, 2).data() == "Close: sold or lost"
    # "Record outcome" without a call, then Later: nothing to say.
    outcomes.append(None)
    anna.window.detail.record_button.click()
    assert anna.shell.unrecorded == {}
    assert model.index(0, 2).data() == "Close: sold or lost"


def test_an_outcome_is_confirmed_and_an_appointment_shows_in_my_leads(
    make_app, inbox, clock, qtbot, dialled, outcomes, touches
):
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    outcomes.append(OutcomeChoice("no_answer"))
    touches.answers.append("WhatsApp sent")
    finish_call(anna, qtbot)
    assert touches.offered == [lead_id]  # after a call without an answer
    assert anna.window.snackbar.text.text() == ("Jan Jansen: call recorded · Attempt 2 due 10:15")
    assert [a.note for a in view_of(anna, lead_id).attempts] == ["WhatsApp sent"]

    at = datetime(2026, 11, 26, 10, 0, tzinfo=AMS)
    note = "Appointment 2026-11-26 10:00"
    outcomes.append(OutcomeChoice("appointment", note, None, at))
    anna.shell.ask_outcome(lead_id)
    anna.sync()
    assert touches.offered == [lead_id]  # reached: no message offered
    assert anna.window.model.index(0, 2).data() == "Appointment tomorrow 10:00"
    assert anna.window.snackbar.text.text().startswith("Jan Jansen: call recorded")
    # Exported: the `call` event carries the appointment's time as an extra field.
    reader = FolderInbox(inbox, "reader", "pc-reader", now=clock.now)
    events, _ = reader.read_events({})
    made = [e for e in events if e["type"] == "call" and e["outcome"] == "appointment"]
    assert [e.get("appointment") for e in made] == ["2026-11-26T10:00+01:00"]


# -- quit or crash mid-call ------------------------------------------------------------------


def test_quit_during_a_call_quits_at_once_and_the_next_start_asks_how_it_went(
    make_app, inbox, clock, qtbot, dialled, monkeypatch
):
    """Quit (tray or window) mid-call: Qt closes every window, and the call screen closing
    must not hold the quit on an outcome prompt. The call is not forgotten: the next start
    asks how it went, as after "Later"."""
    asked: list[str] = []
    monkeypatch.setattr(
        OutcomeDialog, "ask", classmethod(lambda cls, p, v, **kw: asked.append(v.id))
    )
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    anna.shell.prepare_quit()  # what app.run's quit does before QApplication.quit()
    anna.alert.close()  # QApplication.quit() closes every window
    anna.sync()
    assert asked == []  # no prompt held the quit
    anna.close()

    clock.advance(minutes=2)
    again = make_app("anna")
    qtbot.waitUntil(lambda: lead_id in again.shell.unrecorded, timeout=10_000)
    assert again.window.banner.title_label.text() == "How did the call with Jan Jansen go?"
    assert again.window.model.index(0, 2).data() == "Call started 10:00 — record the outcome"
    again.window.banner.open_button.click()
    assert asked == [lead_id]  # the notice opens the outcome prompt


def test_after_a_crash_mid_call_the_outcome_is_asked_at_the_next_start(
    make_app, inbox, clock, qtbot, dialled, outcomes
):
    """Killed mid-call (nothing ran on the way out): the store still says a call was going
    on, so the next start asks for its outcome, and recording it clears that."""
    anna = make_app("anna")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    lead_id = claim_and_call(anna, qtbot)
    anna.close()  # as after a crash, no outcome was recorded on the way down

    clock.advance(minutes=1)
    again = make_app("anna")
    qtbot.waitUntil(lambda: lead_id in again.shell.unrecorded, timeout=10_000)
    assert again.window.banner.title_label.text() == "How did the call with Jan Jansen go?"
    outcomes.append(OutcomeChoice("reached"))
    again.window.banner.open_button.click()
    again.sync()
    assert [a.outcome for a in view_of(again, lead_id).attempts] == ["reached"]
    assert again.shell.unrecorded == {}
    again.close()
    third = make_app("anna")
    third.sync()
    assert third.shell.unrecorded == {}  # recorded: not asked again


# -- the window as it was left ---------------------------------------------------------------


def test_the_window_size_and_last_tab_are_kept_for_the_next_start(make_app, qtbot, monkeypatch):
    from app.ui.common.settings_dialog import SettingsDialog

    monkeypatch.setattr(
        SettingsDialog, "edit", classmethod(lambda cls, p, current: {**current, "role": "manager"})
    )
    boss = make_app("boss")
    boss.window.settings_action.trigger()
    boss.sync()
    assert boss.window.tabs.currentIndex() == 1  # a new manager starts on the team
    boss.window.tabs.setCurrentIndex(0)
    boss.window.resize(1000, 640)
    boss.close()

    again = make_app("boss")
    assert (again.shell.prefs.window_size, again.shell.prefs.last_tab) == ("1000x640", "mine")
    room = again.window.screen().availableGeometry()  # a smaller screen now: it fits
    least = again.window.minimumSize()
    want = (
        max(min(1000, room.width()), least.width()),
        max(min(640, room.height()), least.height()),
    )
    assert (again.window.width(), again.window.height()) == want
    tabs = again.window.tabs
    assert tabs.count() == 2 and tabs.currentIndex() == 0  # My leads, as left
    tabs.setCurrentIndex(1)
    again.close()
    assert make_app("boss").window.tabs.currentIndex() == 1


def test_snoozed_until_opening_the_reminder_waits_for_tomorrows_opening(
    make_app, inbox, clock, qtbot
):
    anna = make_app("anna", hours="mo-fr 09:00-18:00")
    drop(inbox, clock, lead_doc("Jan Jansen"))
    anna.refresh()
    with anna.waiting("claim_done"):
        anna.alert.take_button.click()
    [view] = anna.mine()
    anna.window.open_lead(view.id)
    anna.window.detail.opening_action.trigger()  # Wednesday: until Thursday 09:00
    anna.sync()
    anna.reminders.clear()
    for _ in range(4):  # the afternoon, the evening, the night: quiet
        clock.advance(hours=5)
        anna.refresh()
    assert anna.reminders == []
    clock.set(datetime(2026, 11, 26, 9, 1, tzinfo=AMS))
    anna.refresh()
    assert [[v.id for v in r] for r in anna.reminders] == [[view.id]]
