"""The Team tab's worker: its own thread with its own Store connection, Inbox and TeamDesk.

It doesn't share the salesperson worker (app/ui/workers/desk_worker.py): a slow year-long KPI query
must not delay an alert, and the tab must not depend on that worker's state. Both open
the same store file; SQLite (WAL) serialises their writes and events dedup by id.

Every tick reads only what is new (the activity files' new bytes, the `new/` listing).
When nothing changed it emits nothing: unchanged data costs one stat per file and one
directory listing. Countdowns and overdue marks are functions of `now`, so the tab
redraws them from the clock without asking the worker.

The manager's actions (assign, reassign, release, export) arrive as generic requests on
the TeamDesk (app.ui.workers.engine_thread); the signals below are what the worker sends
on its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.core.clock import Clock
from app.engine import session, team_report
from app.engine.session import Inbox, InboxError, StoreError
from app.engine.team_desk import Period, TeamDesk
from app.settings.config import Config
from app.ui.workers.desk_worker import InboxFactory
from app.ui.workers.engine_thread import EngineThread, EngineWorker

log = logging.getLogger(__name__)

REFRESH_MS = 2_000


def team_inbox(cfg: Config) -> Inbox:
    """The inbox without a change watcher: the team view re-reads on its timer anyway."""
    return session.open_inbox(cfg, watch=False)


@dataclass(frozen=True)
class TeamHealth:
    ok: bool
    last_ok: datetime | None = None  # the last successful read of the shared inbox
    error: str | None = None


class TeamWorker(EngineWorker):
    """Lives in the team thread; every slot runs there, results go out by signal."""

    board_changed = Signal(object)  # app.engine.team_desk.Board
    period_ready = Signal(object)  # app.engine.team_desk.PeriodView
    late = Signal(list)  # UnclaimedLead past 2:00, each reported once
    health_changed = Signal(object)  # TeamHealth
    lines_loaded = Signal(float, float)  # the conversion reference lines, in %

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
        self.branch: str | None = None  # a group database's branch filter; None: all
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
            self.lines_loaded.emit(*team_report.conversion_lines(self.store))
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
        self.team = TeamDesk(inbox, self.store, self.clock, self.cfg)
        return True

    def _close_inbox(self) -> None:
        if self.team is not None:
            try:
                self.team.close()
            except Exception:  # closing a broken share must not stop the shutdown
                log.exception("closing the team inbox")
            self.team = None

    def close(self) -> None:
        """Stop the timer, close inbox and store (EngineWorker.stop)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        self._close_inbox()
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- the generic request (app.ui.workers.engine_thread) -------------------------------

    def engine(self) -> TeamDesk | None:
        return self.team

    def refreshed(self) -> None:
        """After an action: the board and the KPIs again (a hand-over may leave new/ as it
        was, so "nothing new" can't be trusted here)."""
        self.refresh(force=True)

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
            if changed or force or self.team.bounds(self.period) != self._bounds:
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

    def _emit_period(self) -> None:
        """The period's KPIs by the same code as `leadpop report`, plus the chart counts."""
        assert self.team is not None
        view = self.team.period_view(self.period, self.branch)
        self._bounds = (view.since, view.until)
        self.period_ready.emit(view)

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

    @Slot(object)
    def set_branch(self, branch: str | None) -> None:
        self.branch = branch
        self.set_period(self.period)

    # -- the conversion reference lines ------------------------------------------------------

    @Slot(float, float)
    def save_lines(self, low: float, high: float) -> None:
        """Kept in the store, so they work while the shared inbox is away."""
        if self.store is not None:
            team_report.save_conversion_lines(self.store, low, high)


class TeamThread(EngineThread[TeamDesk]):
    """The GUI side: starts the thread and the worker; actions go as EngineOps (`op`)."""

    _start = Signal(object)
    _refresh = Signal()
    _set_period = Signal(object)
    _set_branch = Signal(object)
    _save_lines = Signal(float, float)

    def __init__(self, worker: TeamWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, "leadpop-team", parent)
        self._start.connect(worker.start)
        self._refresh.connect(worker.refresh)
        self._set_period.connect(worker.set_period)
        self._set_branch.connect(worker.set_branch)
        self._save_lines.connect(worker.save_lines)

    def start(self, cfg: Config, period: Period | None = None) -> None:
        """Start the thread (once) and the worker on `cfg`, computing `period` first."""
        self._start_thread()
        if period is not None:
            self._send(self._set_period, period)  # queued before start: one computation
        self._send(self._start, cfg)

    def refresh(self) -> None:
        self._send(self._refresh)

    def set_period(self, period: Period) -> None:
        self._send(self._set_period, period)

    def set_branch(self, branch: str | None) -> None:
        self._send(self._set_branch, branch)

    def save_lines(self, low: float, high: float) -> None:
        self._send(self._save_lines, low, high)
