"""The worker thread: it owns the Store, the Inbox and the Desk; the GUI only gets signals.

The GUI thread does no I/O, and the SQLite connection belongs to the thread
that opened it. So everything that touches the store or the inbox is created *inside*
the worker thread (in `open_store` / `start_desk`) and only used there. The GUI talks to
it through `DeskThread`: a few queued signals to start, configure and stop it, and for every
salesperson's action one generic request, an EngineOp on the Desk
(app.ui.workers.engine_thread).

Detection has two paths: a re-list timer (≤ 2 s; network shares drop change
notifications) and a watcher thread blocked in `inbox.wait_for_change`, which pokes the
worker for low latency. The timer also keeps reminders and opening-time alerts on
schedule when nothing in the inbox changes.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.core.clock import Clock
from app.engine import session
from app.engine.desk import Desk, Health
from app.engine.session import Inbox, InboxError, PasswordNeeded, PasswordRejected, StoreError
from app.engine.views import LeadView
from app.settings.config import Config
from app.settings.prefs import Prefs, PrefsFile
from app.system import autostart
from app.ui.workers.engine_thread import EngineThread, EngineWorker

log = logging.getLogger(__name__)

MAX_RELIST_S = 2.0
WATCH_TIMEOUT_S = 0.5  # how long stop() may wait for the watcher thread to notice
# The lists are rebuilt when the store changed or a due time / opening passed; else this
# often, for the relative times they show ("landed 5 min ago"). A quiet poll stays cheap.
LISTS_EVERY_S = 30.0
DEMO_FIRST_MS = 4_000
DEMO_EVERY_MS = 120_000
# Quitting waits at most this long for the share to hear that this PC went; past it the
# team sees the PC away after the presence timeout, as after a crash.
LEAVE_WAIT_S = 2.0

InboxFactory = Callable[[Config], Inbox]


def _leave(desk: Desk) -> None:
    """Say in the shared inbox that this PC went, so routing skips it at once rather than
    after the presence timeout. In a thread of its own, joined for LEAVE_WAIT_S: a hung
    share must not hold up the quit; a failure is logged, never raised."""

    def run() -> None:
        try:
            desk.offers.leave(desk.clock.now())
        except Exception:
            log.warning("this PC's leaving was not announced", exc_info=True)

    thread = threading.Thread(target=run, name="leadpop-leave", daemon=True)
    thread.start()
    thread.join(LEAVE_WAIT_S)
    if thread.is_alive():
        log.warning("this PC's leaving was not announced within %s s", LEAVE_WAIT_S)


def default_inbox(cfg: Config, **kw: Any) -> Inbox:
    """The configured inbox; `kw` (e.g. password=) goes to the backend."""
    return session.open_inbox(cfg, retry=True, **kw)  # a share mounted later is retried


def _next_change(now: datetime, mine: list[LeadView], waiting: list[LeadView]) -> datetime:
    """When the lists change by time alone: a due time passes (overdue), a lead's clock
    starts (waiting -> alertable), or LISTS_EVERY_S for the relative times."""
    times = [now + timedelta(seconds=LISTS_EVERY_S)]
    times += [v.next_due for v in mine if v.next_due is not None and v.next_due > now]
    times += [v.sla_start for v in waiting if v.sla_start > now]
    return min(times)


def _health_key(h: Health) -> tuple[Any, ...]:
    # Not last_ok or failures: they move on every poll, and only a change of state is news.
    return (
        h.ok,
        h.down_since,
        h.error,
        h.needs_password,
        h.sign_in_needed,
        h.push_problem,
        h.disk_full,
    )


class DeskWorker(EngineWorker):
    """Lives in the worker thread. Every slot runs there; results go out by signal.

    The salesperson's actions arrive as generic requests (EngineOps on the Desk); the
    signals below are what the worker sends on its own, or at start.
    """

    prefs_loaded = Signal(object)  # Prefs (defaults when the store can't be opened)
    desk_ready = Signal(object)  # Config the desk runs with
    leads_changed = Signal(list, list, list)  # alertable, my leads, waiting (LeadView lists)
    lead_taken = Signal(str, object)  # lead id, owner (None: gone without a known owner)
    reminders_due = Signal(list)  # LeadViews whose reminder fires now
    health_changed = Signal(object)  # Health
    store_message = Signal(str)
    demo_dropped = Signal(str)  # the demo lead's file name
    password_needed = Signal(str, str, bool)  # mailbox user, host, refused before
    tls_unverified = Signal(bool)  # the mailbox's certificate isn't checked (IT's choice)
    _poke = Signal()  # from the watcher thread: something changed in the inbox

    def __init__(
        self,
        clock: Clock,
        *,
        inbox_factory: InboxFactory = default_inbox,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.inbox_factory = inbox_factory
        self.rng = rng or random.Random()
        self.cfg: Config | None = None
        self.store: session.Store | None = None
        self.prefs_file: PrefsFile | None = None  # settings.json (app.settings.prefs)
        self.desk: Desk | None = None
        self._health: tuple[Any, ...] | None = None
        self._password_wanted: tuple[str, str, bool] | None = None  # as last reported
        self._lists_key: tuple[int, int] | None = None  # store version the lists were built on
        self._lists_until: datetime | None = None  # when time alone changes them
        self._watch_stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._poll_timer: QTimer | None = None
        self._demo_timer: QTimer | None = None
        self._demo = False
        self._password: str | None = None  # only when the OS has no keyring to keep it
        self._poke.connect(self.refresh)

    # -- start and stop (worker thread) ----------------------------------------------------

    @Slot(object)
    def open_store(self, data_dir: Path) -> None:
        """Open the local store and read the saved settings."""
        prefs = Prefs()
        self.prefs_file = PrefsFile.for_data_dir(data_dir)
        try:
            self.store = session.open_store(data_dir)
        except StoreError as exc:
            self.error.emit(str(exc))
        except OSError as exc:  # Store.open lets a data dir it can't create raise OSError
            self.error.emit(f"can't use the data folder {data_dir}: {exc.strerror or exc}")
        else:
            for message in self.store.messages:
                self.store_message.emit(message)
            prefs = self.prefs_file.load(self.store)  # moves them out of the store once
        self.prefs_loaded.emit(prefs)

    @Slot(object, bool)
    def start_desk(self, cfg: Config, demo: bool = False) -> None:
        """Open the inbox and start polling; again after settings changed the config."""
        self._close_desk()
        self.cfg, self._demo = cfg, demo
        if self.store is None:
            return  # the store failed to open: the error was reported; nothing to drive
        try:
            inbox = (
                self.inbox_factory(cfg, password=self._password)
                if self._password
                else self.inbox_factory(cfg)
            )
        except PasswordNeeded as exc:
            self.password_needed.emit(exc.user, exc.host, isinstance(exc, PasswordRejected))
            return
        except session.SignInNeeded as exc:
            # Nobody signed in to the mailbox yet, or the sign-in died: the status bar and
            # the tray say so once (health), no dialog pops up; the store goes on working.
            self.health_changed.emit(Health(ok=False, error=str(exc), sign_in_needed=str(exc)))
            return
        except (InboxError, OSError) as exc:
            self.error.emit(str(exc))
            return
        self.tls_unverified.emit(bool(getattr(inbox, "insecure_tls", False)))
        self.desk = Desk(inbox, self.store, self.clock, cfg)
        self._health = self._password_wanted = None
        self._lists_key = None
        self._poll_timer = QTimer(self, objectName="worker-poll")
        self._poll_timer.setInterval(int(min(cfg.relist_s, MAX_RELIST_S) * 1000))
        self._poll_timer.timeout.connect(self.refresh)
        self._poll_timer.start()
        self._watch_stop.clear()
        self._watcher = threading.Thread(
            target=self._watch, args=(inbox,), name="leadpop-inbox-watch", daemon=True
        )
        self._watcher.start()
        if demo:
            self._demo_timer = QTimer(self, objectName="worker-demo")
            self._demo_timer.setSingleShot(True)
            self._demo_timer.timeout.connect(self._drop_demo)
            self._demo_timer.start(DEMO_FIRST_MS)
        self.desk_ready.emit(cfg)
        self.refresh()

    def _close_desk(self) -> None:
        for timer in (self._poll_timer, self._demo_timer):
            if timer is not None:
                timer.stop()
                timer.deleteLater()
        self._poll_timer = self._demo_timer = None
        self._watch_stop.set()
        if self.desk is not None:
            _leave(self.desk)
            try:
                self.desk.inbox.close()  # also wakes the watcher from wait_for_change
            except Exception:  # closing a broken share must not stop the shutdown
                log.exception("closing the inbox")
            self.desk = None
        if self._watcher is not None:
            self._watcher.join()
            self._watcher = None

    def close(self) -> None:
        """Stop timers and the watcher, close inbox and store (EngineWorker.stop)."""
        self._close_desk()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _watch(self, inbox: Inbox) -> None:
        """Watcher thread: block on the backend's change notice and poke the worker."""
        while not self._watch_stop.is_set():
            try:
                changed = inbox.wait_for_change(WATCH_TIMEOUT_S)
            except Exception as exc:  # the timer re-lists anyway; don't spin on a broken share
                log.debug("inbox watch failed: %s", exc)
                self._watch_stop.wait(WATCH_TIMEOUT_S * 4)
                continue
            if changed and not self._watch_stop.is_set():
                self._poke.emit()

    # -- polling ---------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """One round: poll the inbox (the desk backs off itself), fire reminders, report."""
        desk = self.desk
        if desk is None:
            return
        try:
            result = desk.poll()
            for lead_id, owner in result.gone:
                self.lead_taken.emit(lead_id, owner)
            for message in result.messages:  # e.g. "rebuilt from the team's activity log"
                self.store_message.emit(message)
            self._report_health()
            due = desk.due_reminders()
            if due:
                self.reminders_due.emit(due)
            # A lead held in memory (the disk full) changes no store version: it alerts too.
            if result.new_leads or self._lists_stale():
                self._emit_lists()
        except Exception as exc:  # a store or parsing bug must not kill the worker
            log.exception("poll failed")
            self.error.emit(str(exc) or type(exc).__name__)

    def _report_health(self) -> None:
        assert self.desk is not None
        health = self.desk.health  # frozen: safe to hand to the GUI thread
        key = _health_key(health)
        if key == self._health:
            return
        self._health = key
        self.health_changed.emit(health)
        # Ask for the password when the mailbox starts wanting it (or refuses the one it
        # got), not on every other change while it is down: after Cancel the status bar
        # says why, and the prompt waits for something new.
        wanted, self._password_wanted = self._password_wanted, health.needs_password
        if health.needs_password and health.needs_password != wanted:
            self.password_needed.emit(*health.needs_password)

    @Slot(str, str, str)
    def set_password(self, user: str, host: str, password: str) -> None:
        """Keep the mailbox password in the OS keyring (or, without one, for this session)."""
        if not session.keep_password(user, host, password):
            self.error.emit(
                "No system keyring here: the mailbox password is kept until Leadpop closes"
            )
        self._password = password
        if self.cfg is not None:
            self.start_desk(self.cfg, self._demo)

    def _lists_stale(self) -> bool:
        assert self.desk is not None
        return (
            self._lists_key != self.desk.store.version()
            or self._lists_until is None
            or self.clock.now() >= self._lists_until
            # routing: a rollout's next turn, an escalation, the team's presence changed
            or self.clock.now() >= (self.desk.offers.changes_at or self._lists_until)
        )

    def _emit_lists(self) -> None:
        assert self.desk is not None
        d = self.desk
        self._lists_key = d.store.version()  # before reading: a later write makes it stale
        now = self.clock.now()
        alertable, mine, waiting = d.alertable(), d.my_leads(), d.waiting()
        self._lists_until = _next_change(now, mine, waiting)
        self.leads_changed.emit(alertable, mine, waiting)

    # -- the generic request (app.ui.workers.engine_thread) -------------------------------

    def engine(self) -> Desk | None:
        return self.desk

    def refreshed(self) -> None:
        """After an action: the inbox's state and the lists, which the action changed."""
        self._report_health()
        self._emit_lists()

    # -- settings (they need the store, not the inbox) -------------------------------------

    @Slot(object)
    def save_prefs(self, prefs: Prefs) -> None:
        if self.store is None or self.prefs_file is None:
            self.error.emit("settings: the local store is not open")
            return
        try:
            old = self.prefs_file.save(prefs)
            if prefs.autostart != old.autostart or prefs.autostart != autostart.is_enabled():
                autostart.set_enabled(prefs.autostart)
        except Exception as exc:
            log.exception("saving settings failed")
            self.error.emit(f"settings: {exc}")

    @Slot()
    def _drop_demo(self) -> None:
        """Demo mode: a realistic lead lands in the inbox, as a web-form bridge would drop it."""
        if self._demo_timer is not None:
            self._demo_timer.start(DEMO_EVERY_MS)
        if self.cfg is None:
            return
        now = self.clock.now()
        try:
            path = session.drop_sample(self.cfg, self.rng, now)
        except (InboxError, OSError) as exc:
            log.warning("demo lead not dropped: %s", exc)
            return
        self.demo_dropped.emit(path.name)
        self.refresh()


class DeskThread(EngineThread[Desk]):
    """The GUI side: starts the thread and the desk; actions go as EngineOps (`op`)."""

    _open_store = Signal(object)
    _start_desk = Signal(object, bool)
    _refresh = Signal()
    _save_prefs = Signal(object)
    _set_password = Signal(str, str, str)

    def __init__(self, worker: DeskWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, "leadpop-worker", parent)
        self._open_store.connect(worker.open_store)
        self._start_desk.connect(worker.start_desk)
        self._refresh.connect(worker.refresh)
        self._save_prefs.connect(worker.save_prefs)
        self._set_password.connect(worker.set_password)

    def start(self, data_dir: Path) -> None:
        self._start_thread()
        self._send(self._open_store, Path(data_dir))

    def start_desk(self, cfg: Config, demo: bool = False) -> None:
        self._send(self._start_desk, cfg, demo)

    def refresh(self) -> None:
        self._send(self._refresh)

    def save_prefs(self, prefs: Prefs) -> None:
        self._send(self._save_prefs, prefs)

    def set_password(self, user: str, host: str, password: str) -> None:
        self._send(self._set_password, user, host, password)
