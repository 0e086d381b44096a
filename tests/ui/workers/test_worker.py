"""The worker thread on its own: it owns store, inbox and desk; the GUI gets signals only."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from shell_harness import Relay, config, drop, lead_doc

from app.core.clock import FakeClock
from app.engine.desk import ClaimOutcome, Health
from app.inbox.base import InboxConfigError, InboxUnavailable, PasswordNeeded, PasswordRejected
from app.inbox.folder.inbox import FolderInbox
from app.settings.config import Config
from app.settings.prefs import Prefs
from app.ui.workers.desk_worker import DeskThread, DeskWorker

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _own_autostart_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving settings may write the autostart entry: never into the real ~/.config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=AMS))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    (tmp_path / "inbox").mkdir()
    return tmp_path / "inbox"


class Harness:
    def __init__(self, qtbot, clock: FakeClock, **kw) -> None:
        self.qtbot = qtbot
        self.threads_in: list[str] = []

        def factory(cfg: Config) -> FolderInbox:
            self.threads_in.append(threading.current_thread().name)
            return FolderInbox(Path(cfg.inbox), cfg.user, cfg.host, watch=True, now=clock.now)

        kw.setdefault("inbox_factory", factory)
        self.worker = DeskWorker(clock, **kw)
        self.handle = DeskThread(self.worker)
        names = (
            "prefs_loaded",
            "desk_ready",
            "leads_changed",
            "error",
            "health_changed",
            "reminders_due",
            "password_needed",
            "pong",
            "demo_dropped",
        )
        self.relays = {n: Relay(getattr(self.worker, n)) for n in names}
        self.relays["answered"] = Relay(self.handle.answered)

    def wait(self, name: str):
        return self.relays[name].next_call(self.qtbot)

    def calls(self, name: str) -> list[tuple]:
        return self.relays[name].calls

    def sync(self) -> None:
        with self.wait("pong"):
            self.handle.ping(1)


@pytest.fixture
def harness(qtbot, clock) -> Iterator:
    made: list[Harness] = []

    def make(**kw) -> Harness:
        h = Harness(qtbot, clock, **kw)
        made.append(h)
        return h

    yield make
    for h in made:
        h.handle.stop()
        assert h.handle.finished
        assert h.worker._watcher is None  # the watcher thread was joined


def start(h: Harness, cfg: Config, demo: bool = False) -> None:
    with h.wait("prefs_loaded"):
        h.handle.start(cfg.data_dir)
    with h.wait("leads_changed"):
        h.handle.start_desk(cfg, demo)


def test_store_inbox_and_desk_live_in_the_worker_thread(harness, tmp_path, inbox, clock):
    h = harness()
    cfg = config(tmp_path, inbox, "piet")
    start(h, cfg)
    assert h.calls("prefs_loaded") == [(Prefs(),)]
    assert h.threads_in == ["leadpop-worker"] or h.threads_in[0] != "MainThread"
    assert h.worker.thread().objectName() == "leadpop-worker"
    assert h.worker.desk is not None and h.worker.desk.user == "piet"
    timer = h.worker._poll_timer
    assert timer is not None and timer.objectName() == "worker-poll"
    assert timer.interval() == 2000
    health = h.calls("health_changed")[-1][0]
    assert isinstance(health, Health) and health.ok


def test_a_dropped_lead_arrives_by_the_watcher_or_the_relist(
    harness, tmp_path, inbox, clock, qtbot
):
    h = harness()
    start(h, config(tmp_path, inbox, "piet"))
    drop(inbox, clock, lead_doc("Jan Jansen"))
    qtbot.waitUntil(lambda: any(c[0] for c in h.calls("leads_changed")), timeout=10_000)
    alertable = next(c[0] for c in h.calls("leads_changed") if c[0])
    assert [v.name for v in alertable] == ["Jan Jansen"]


def test_claim_reports_the_outcome_and_the_new_lists(harness, tmp_path, inbox, clock):
    h = harness()
    start(h, config(tmp_path, inbox, "piet"))
    drop(inbox, clock, lead_doc("Jan Jansen"))
    h.handle.refresh()
    h.sync()
    lead_id = h.calls("leads_changed")[-1][0][0].id
    got: list[ClaimOutcome] = []
    with h.wait("answered"):
        h.handle.op(lambda desk: desk.claim(lead_id, calling=True), what="claim").success(
            got.append
        ).run_in_background()
    assert got == [ClaimOutcome(True, "piet")]
    h.sync()
    alertable, mine, waiting = h.calls("leads_changed")[-1]
    assert alertable == [] and waiting == []
    assert [v.id for v in mine] == [lead_id]
    assert (inbox / "claimed" / "piet").is_dir()


def test_an_unusable_store_is_one_line_and_the_app_goes_on(harness, tmp_path, inbox):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    h = harness()
    cfg = config(tmp_path, inbox, "piet")
    cfg.data_dir = blocker / "data"
    with h.wait("prefs_loaded"):
        h.handle.start(cfg.data_dir)
    assert h.calls("prefs_loaded") == [(Prefs(),)]  # defaults, so the window still opens
    (message,) = (c[0] for c in h.calls("error"))
    assert "\n" not in message and message
    h.handle.start_desk(cfg, False)
    h.sync()
    assert h.worker.desk is None


def test_a_wrong_inbox_folder_is_reported_not_raised(harness, tmp_path, clock):
    def factory(cfg: Config) -> FolderInbox:
        return FolderInbox(Path(cfg.inbox), cfg.user, cfg.host, watch=False, now=clock.now)

    h = harness(inbox_factory=factory)
    cfg = config(tmp_path, tmp_path / "missing", "piet")
    with h.wait("prefs_loaded"):
        h.handle.start(cfg.data_dir)
    with h.wait("error"):
        h.handle.start_desk(cfg, False)
    (message,) = (c[0] for c in h.calls("error"))
    assert message == str(InboxConfigError(f"inbox folder {tmp_path / 'missing'} does not exist"))


def test_prefs_are_saved_in_the_store_and_autostart_follows(harness, tmp_path, inbox, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    h = harness()
    cfg = config(tmp_path, inbox, "piet")
    start(h, cfg)
    h.handle.save_prefs(Prefs(name="Piet", hours="always", autostart=True))
    h.sync()
    assert (tmp_path / "xdg" / "autostart" / "leadpop.desktop").is_file()
    h.handle.stop()
    again = harness()
    with again.wait("prefs_loaded"):
        again.handle.start(cfg.data_dir)
    assert again.calls("prefs_loaded")[0][0] == Prefs(name="Piet", hours="always", autostart=True)
    again.handle.save_prefs(Prefs(name="Piet", autostart=False))
    again.sync()
    assert not (tmp_path / "xdg" / "autostart" / "leadpop.desktop").exists()


def test_backoff_while_the_inbox_is_down(harness, tmp_path, inbox, clock):
    h = harness()
    start(h, config(tmp_path, inbox, "piet"))
    inbox.rename(tmp_path / "away")
    h.handle.refresh()
    h.sync()
    down = h.calls("health_changed")[-1][0]
    assert not down.ok and down.down_since == clock.now()
    assert h.worker.desk is not None and h.worker.desk.health.retry_delay() == 2.0
    (tmp_path / "away").rename(inbox)
    clock.advance(seconds=1)  # inside the back-off: no new try
    h.handle.refresh()
    h.sync()
    assert not h.calls("health_changed")[-1][0].ok
    clock.advance(seconds=2)
    h.handle.refresh()
    h.sync()
    assert h.calls("health_changed")[-1][0].ok


def test_demo_mode_drops_a_sample_lead_in_the_worker_thread(
    harness, tmp_path, inbox, qtbot, monkeypatch
):
    import app.ui.workers.desk_worker as worker_module

    monkeypatch.setattr(worker_module, "DEMO_FIRST_MS", 10)
    h = harness()
    start(h, config(tmp_path, inbox, "piet"), demo=True)
    with h.wait("demo_dropped"):
        pass
    (name,) = (c[0] for c in h.calls("demo_dropped"))
    assert name.endswith(".json") and "demo" in name
    qtbot.waitUntil(lambda: any(c[0] for c in h.calls("leads_changed")), timeout=10_000)
    assert h.worker._demo_timer is not None
    assert h.worker._demo_timer.interval() == worker_module.DEMO_EVERY_MS


def test_a_quiet_poll_sends_no_lists_until_the_store_or_the_clock_moves(
    harness, tmp_path, inbox, clock
):
    """Idle cost (issue 7): rebuilding "my leads" every 2 s kept a showroom PC busy."""
    h = harness()
    start(h, config(tmp_path, inbox, "piet"))
    sent = len(h.calls("leads_changed"))
    for _ in range(3):
        h.handle.refresh()
    h.sync()
    assert len(h.calls("leads_changed")) == sent  # nothing changed: no lists

    drop(inbox, clock, lead_doc("Jan Jansen"))
    h.handle.refresh()
    h.sync()
    assert len(h.calls("leads_changed")) == sent + 1  # a new lead: fresh lists
    assert [v.name for v in h.calls("leads_changed")[-1][0]] == ["Jan Jansen"]

    clock.advance(31)  # "landed 1 min ago": the relative times go stale
    h.handle.refresh()
    h.sync()
    assert len(h.calls("leads_changed")) == sent + 2


class FlakyInbox(FolderInbox):
    """A real folder inbox whose next listings fail as told (a mailbox that wants its
    password, a network that drops)."""

    def __init__(self, *args, failures: list[Exception], **kw) -> None:
        super().__init__(*args, **kw)
        self.failures = failures

    def list_new(self):
        if self.failures:
            raise self.failures.pop(0)
        return super().list_new()


def flaky_factory(clock: FakeClock, failures: list[Exception]):
    def factory(cfg: Config) -> FolderInbox:
        return FlakyInbox(
            Path(cfg.inbox), cfg.user, cfg.host, watch=False, now=clock.now, failures=failures
        )

    return factory


def poll_after_backoff(h: Harness, clock: FakeClock) -> None:
    clock.advance(seconds=61)  # past any back-off
    h.handle.refresh()
    h.sync()


def test_cancel_on_the_password_prompt_is_not_asked_again_while_the_inbox_is_down(
    harness, tmp_path, inbox, clock
):
    """After Cancel the prompt waits for something new: not every other error re-asks."""
    failures: list[Exception] = []
    h = harness(inbox_factory=flaky_factory(clock, failures))
    start(h, config(tmp_path, inbox, "piet"))
    failures += [
        PasswordNeeded("leads@dealer.nl", "mail.dealer.nl"),
        InboxUnavailable("connection reset by peer"),
        PasswordNeeded("leads@dealer.nl", "mail.dealer.nl"),
        InboxUnavailable("timed out"),
    ]
    for _ in range(4):
        poll_after_backoff(h, clock)
    assert h.calls("password_needed") == [("leads@dealer.nl", "mail.dealer.nl", False)]
    assert [c[0].error for c in h.calls("health_changed")][-1] == "timed out"  # still shown

    # Something new: the server refuses the password it was given.
    failures.append(PasswordRejected("leads@dealer.nl", "mail.dealer.nl"))
    poll_after_backoff(h, clock)
    assert h.calls("password_needed")[-1] == ("leads@dealer.nl", "mail.dealer.nl", True)
    # And after the inbox came back, a new outage asks again.
    poll_after_backoff(h, clock)
    assert h.calls("health_changed")[-1][0].ok
    failures.append(PasswordNeeded("leads@dealer.nl", "mail.dealer.nl"))
    poll_after_backoff(h, clock)
    assert len(h.calls("password_needed")) == 3


def test_the_health_the_gui_holds_never_changes_under_it(harness, tmp_path, inbox, clock):
    """The worker thread sends Health to the GUI thread: a later failure is a new object."""
    failures: list[Exception] = []
    h = harness(inbox_factory=flaky_factory(clock, failures))
    start(h, config(tmp_path, inbox, "piet"))
    failures += [InboxUnavailable("share gone"), InboxUnavailable("share still gone")]
    poll_after_backoff(h, clock)
    shown = h.calls("health_changed")[-1][0]
    before = (shown.ok, shown.error, shown.failures, shown.down_since)
    poll_after_backoff(h, clock)
    assert h.calls("health_changed")[-1][0].error == "share still gone"
    assert (shown.ok, shown.error, shown.failures, shown.down_since) == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        shown.error = "changed"  # type: ignore[misc]
