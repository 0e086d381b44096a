"""The Team tab's worker: its own thread with its own Store connection, Inbox and Desk.

It doesn't share the salesperson worker (app/ui/workers/desk_worker.py): a slow year-long KPI query
must not delay an alert, and the tab must not depend on that worker's state. Both open
the same store file; SQLite (WAL) serialises their writes and events dedup by id.

Every tick reads only what is new (the activity files' new bytes, the `new/` listing).
When nothing changed it emits nothing: unchanged data costs one stat per file and one
directory listing. Countdowns and overdue marks are functions of `now`, so the tab
redraws them from the clock without asking the worker.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from app.core.clock import Clock
from app.core.kpi import in_period, team_report
from app.engine import report_format, session
from app.engine.desk import Desk
from app.engine.session import Inbox, InboxError, StoreError
from app.engine.team_desk import INBOX, HandOver, TeamDesk, period_bounds
from app.engine.team_stats import TeamStats, team_stats
from app.settings.config import Config
from app.ui.workers.desk_worker import InboxFactory
from app.ui.workers.thread_handle import ThreadHandle

log = logging.getLogger(__name__)

REFRESH_MS = 2_000
LINES_KEY = "team.conversion_lines"
DEFAULT_LINES = (13.0, 20.0)  # a salesperson's minimum; where a contact centre pays off


def team_inbox(cfg: Config) -> Inbox:
    """The inbox without a change watcher: the team view re-reads on its timer anyway."""
    return session.open_inbox(cfg, watch=False)


@dataclass(frozen=True)
class TeamHealth:
    ok: bool
    last_ok: datetime | None = None  # the last successful read of the shared inbox
    error: str | None = None


@dataclass(frozen=True)
class Period:
    key: str  # today | week | month | custom
    first: date | None = None  # custom: first and last day, inclusive
    last: date | None = None


@dataclass(frozen=True)
class PeriodView:
    period: Period
    since: datetime
    until: datetime
    report: dict[str, Any]  # app.core.kpi.team_report: what `leadpop report` prints
    stats: TeamStats


class TeamWorker(QObject):
    """Lives in the team thread; every slot runs there, results go out by signal."""

    board_changed = Signal(object)  # app.engine.team_desk.Board
    period_ready = Signal(object)  # PeriodView
    late = Signal(list)  # UnclaimedLead past 2:00, each reported once
    health_changed = Signal(object)  # TeamHealth
    handed_over = Signal(object)  # HandOver
    exported = Signal(str, str)  # path, error ("" when written)
    lines_loaded = Signal(float, float)  # the conversion reference lines, in %
    error = Signal(str)
    stopped = Signal()

    def __init__(
        self,
        clock: Clock,
        *,
        inbox_factory: InboxFactory = team_inbox,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.inbox_factory = inbox_factory
        self.refresh_ms = refresh_ms
        self.cfg: Config | None = None
        self.store: session.Store | None = None
        self.team: TeamDesk | None = None
        self.period = Period("week")
        self._bounds: tuple[datetime, datetime] | None = None
        self._health: TeamHealth | None = None
        self._last_ok: datetime | None = None
        self._timer: QTimer | None = None

    # -- start and stop --------------------------------------------------------------------

    @Slot(object)
    def start(self, cfg: Config) -> None:
        """Open the store (once) and the inbox for `cfg`, then refresh on a timer."""
        self._close_inbox()
        if self.store is not None and self.cfg is not None and cfg.data_dir != self.cfg.data_dir:
            self.store.close()
            self.store = None
        self.cfg = cfg
        if self.store is None:
            try:
                self.store = session.open_store(cfg.data_dir)
            except StoreError as exc:
                self.error.emit(str(exc))
                return
            self._load_lines()
        if self._timer is None:
            self._timer = QTimer(self, objectName="team-refresh")
            self._timer.setInterval(self.refresh_ms)
            self._timer.timeout.connect(self.refresh)
            self._timer.start()
        self._bounds = None
        self.refresh()

    def _open_inbox(self) -> bool:
        assert self.cfg is not None and self.store is not None
        try:
            inbox = self.inbox_factory(self.cfg)
        except (InboxError, OSError) as exc:
            self._report_health(TeamHealth(False, self._last_ok, str(exc)))
            return False
        self.team = TeamDesk(Desk(inbox, self.store, self.clock, self.cfg))
        return True

    def _close_inbox(self) -> None:
        if self.team is not None:
            try:
                self.team.desk.inbox.close()
            except Exception:  # closing a broken share must not stop the shutdown
                log.exception("closing the team inbox")
            self.team = None

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        self._close_inbox()
        if self.store is not None:
            self.store.close()
            self.store = None
        self.stopped.emit()
        thread = QThread.currentThread()
        app = QCoreApplication.instance()
        if app is not None and thread is not app.thread():
            thread.quit()  # the GUI thread is blocked in wait(): quit from here

    # -- refreshing ------------------------------------------------------------------------

    @Slot()
    def refresh(self, force: bool = False) -> None:
        """Read what is new; emit the board and the period's KPIs only if anything changed."""
        if self.store is None or self.cfg is None:
            return
        if self.team is None:
            if not self._open_inbox():
                return
            force = True
        assert self.team is not None
        try:
            try:
                changed = self.team.sync()
            except InboxError as exc:  # the store still answers: show what we have
                self._report_health(TeamHealth(False, self._last_ok, str(exc)))
                changed = False
            else:
                self._last_ok = self.clock.now()
                self._report_health(TeamHealth(True, self._last_ok))
            if changed or force:
                self.board_changed.emit(self.team.board())
            if changed or force or self._current_bounds() != self._bounds:
                self._emit_period()
            late = self.team.late_unclaimed()
            if late:
                self.late.emit(late)
        except Exception as exc:  # a store bug must not kill the worker
            log.exception("team refresh failed")
            self.error.emit(str(exc) or type(exc).__name__)

    def _report_health(self, health: TeamHealth) -> None:
        # `last_ok` moves on every good tick: only a change of state is news.
        if self._health is None or (health.ok, health.error) != (
            self._health.ok,
            self._health.error,
        ):
            self.health_changed.emit(health)
        self._health = health

    def _current_bounds(self) -> tuple[datetime, datetime]:
        assert self.cfg is not None
        p = self.period
        return period_bounds(p.key, self.clock.now(), self.cfg.hours.tz, p.first, p.last)

    def _emit_period(self) -> None:
        """The period's KPIs by the same code as `leadpop report`, plus the chart counts."""
        assert self.team is not None and self.cfg is not None
        since, until = self._bounds = self._current_bounds()
        facts = list(self.team.desk.lead_facts(since, until).values())
        report = team_report(facts, since, until)
        stats = team_stats(facts, self.cfg.hours.tz)
        self.period_ready.emit(PeriodView(self.period, since, until, report, stats))

    @Slot(object)
    def set_period(self, period: Period) -> None:
        self.period = period
        if self.team is None:
            return
        try:
            self._emit_period()
        except Exception as exc:
            log.exception("period failed")
            self.error.emit(str(exc) or type(exc).__name__)

    # -- actions ---------------------------------------------------------------------------

    def _act(self, lead_id: str, action: str, *args: str) -> None:
        if self.team is None:
            self.handed_over.emit(HandOver(False, lead_id, None, "the inbox is not open", INBOX))
            return
        try:
            result = getattr(self.team, action)(lead_id, *args)
        except Exception as exc:
            log.exception("%s failed", action)
            result = HandOver(False, lead_id, None, str(exc) or type(exc).__name__, INBOX)
        self.handed_over.emit(result)
        self.refresh(force=True)

    @Slot(str, str)
    def assign(self, lead_id: str, to_user: str) -> None:
        self._act(lead_id, "assign", to_user)

    @Slot(str, str)
    def reassign(self, lead_id: str, to_user: str) -> None:
        self._act(lead_id, "reassign", to_user)

    @Slot(str)
    def release(self, lead_id: str) -> None:
        self._act(lead_id, "release_to_team")

    @Slot(str, str)
    def export(self, kind: str, path: str) -> None:
        """Write the CSV `leadpop report --format csv [--detail]` prints for the period."""
        if self.team is None or self.cfg is None:
            self.exported.emit(path, "the inbox is not open")
            return
        desk = self.team.desk
        since, until = self._current_bounds()
        try:
            if kind == "detail":
                with contextlib.suppress(InboxError):  # as the command: read what is new first
                    desk.sync_events()
                chosen = in_period(desk.lead_facts(since, until).values(), since, until)
                text = report_format.detail_csv(chosen, self.cfg.hours.tz)
            else:
                text = report_format.as_csv(desk.report(since, until))
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except (OSError, InboxError) as exc:
            self.exported.emit(path, str(exc))
            return
        self.exported.emit(path, "")

    # -- the conversion reference lines ------------------------------------------------------

    def _load_lines(self) -> None:
        assert self.store is not None
        low, high = DEFAULT_LINES
        try:
            saved = json.loads(self.store.setting(LINES_KEY) or "{}")
            low, high = float(saved.get("minimum", low)), float(saved.get("pays_off", high))
        except (ValueError, TypeError, AttributeError):
            log.warning("saved conversion lines unreadable; using 13%% and 20%%")
        self.lines_loaded.emit(low, high)

    @Slot(float, float)
    def save_lines(self, low: float, high: float) -> None:
        if self.store is not None:
            self.store.set_setting(LINES_KEY, json.dumps({"minimum": low, "pays_off": high}))


class TeamThread(ThreadHandle):
    """The GUI side: starts the thread, forwards requests (queued), stops and joins."""

    _start = Signal(object)
    _refresh = Signal()
    _set_period = Signal(object)
    _assign = Signal(str, str)
    _reassign = Signal(str, str)
    _release = Signal(str)
    _export = Signal(str, str)
    _save_lines = Signal(float, float)

    def __init__(self, worker: TeamWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, "leadpop-team", parent)
        w = worker
        self._forward(
            (self._start, w.start),
            (self._refresh, w.refresh),
            (self._set_period, w.set_period),
            (self._assign, w.assign),
            (self._reassign, w.reassign),
            (self._release, w.release),
            (self._export, w.export),
            (self._save_lines, w.save_lines),
        )

    def start(self, cfg: Config, period: Period | None = None) -> None:
        """Start the thread (once) and the worker on `cfg`, computing `period` first."""
        self._start_thread()
        if period is not None:
            self._set_period.emit(period)  # queued before start: one computation, not two
        self._start.emit(cfg)

    def refresh(self) -> None:
        self._refresh.emit()

    def set_period(self, period: Period) -> None:
        self._set_period.emit(period)

    def assign(self, lead_id: str, to_user: str) -> None:
        self._assign.emit(lead_id, to_user)

    def reassign(self, lead_id: str, to_user: str) -> None:
        self._reassign.emit(lead_id, to_user)

    def release(self, lead_id: str) -> None:
        self._release.emit(lead_id)

    def export(self, kind: str, path: Path | str) -> None:
        self._export.emit(kind, str(path))

    def save_lines(self, low: float, high: float) -> None:
        self._save_lines.emit(low, high)
