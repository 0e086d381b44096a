"""The Team tab: the sales manager's view of whether the team puts the customer first.

Three pages: the live board (unclaimed leads with their countdowns, open leads per
salesperson), the KPI table with the conversion chart, and the charts. The numbers come
from the team worker (app/ui/workers/team_worker.py), which computes them with the same code as
`leadpop report`; this widget only shows them. Countdowns and overdue marks are redrawn
every second from the clock, which needs no I/O.

The shell mounts it for a manager:

    tab = TeamTab(cfg, clock, notifier)      # a Notifier, or any notify(title, text)
    tabs.addTab(tab, tab.windowTitle())
    tab.start()                               # tab.set_config(cfg) after settings change
    ...
    tab.stop()                                # before quitting: joins the team thread
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.enums import HandOverReason, PeriodKey
from app.core.kpi import KPI_KEYS
from app.engine.privacy import Erased
from app.engine.team_desk import (
    Board,
    HandOver,
    OpenLead,
    Period,
    PeriodView,
    TeamDesk,
    UnclaimedLead,
)
from app.engine.team_report import DEFAULT_LINES, RoutingRow
from app.settings.config import Config
from app.ui.common.lead_format import clock_time, outcome_text
from app.ui.team.team_charts import ConversionChart, TeamCharts
from app.ui.workers.desk_worker import InboxFactory
from app.ui.workers.team_worker import REFRESH_MS, TeamHealth, TeamThread, TeamWorker, team_inbox

RED, AMBER, GREEN = QColor("#c62828"), QColor("#ef6c00"), QColor("#2e7d32")
RED_BG, AMBER_BG, GREEN_BG = QColor("#fde0dc"), QColor("#fff3e0"), QColor("#dcedc8")
LEAD_ROLE = Qt.ItemDataRole.UserRole
SPLIT_SALESPERSON, SPLIT_ROUTING = "salesperson", "routing"  # the KPI table's rows


class _Notifies(Protocol):
    def notify(self, title: str, text: str) -> Any: ...


Notify = Callable[[str, str], Any]


class TeamTab(QWidget):
    # Emitted after the tab has shown what the worker sent (in the GUI thread), e.g. for a
    # count on the tab's title; tests wait on these.
    board_shown = Signal(object)  # Board
    period_shown = Signal(object)  # PeriodView
    handed_over = Signal(object)  # HandOver
    forgotten = Signal(object)  # Erased, or the error's text
    exported = Signal(str, str)  # path, error ("" when written)
    health_shown = Signal(object)  # TeamHealth
    late_notified = Signal(list)  # UnclaimedLead the manager was just told about
    lines_shown = Signal(float, float)

    def __init__(
        self,
        cfg: Config,
        clock: Clock,
        notify: _Notifies | Notify | None = None,
        *,
        inbox_factory: InboxFactory = team_inbox,
        refresh_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("team-tab")
        self.cfg = cfg
        self.clock = clock
        self._notify: Notify | None = getattr(notify, "notify", notify)  # type: ignore[arg-type]
        self.board = Board()
        self.view: PeriodView | None = None
        self.lines = DEFAULT_LINES
        self.worker = TeamWorker(clock, inbox_factory=inbox_factory, refresh_ms=refresh_ms)
        self.team_thread = TeamThread(self.worker, self)
        w = self.worker
        w.board_changed.connect(self._board_changed)
        w.period_ready.connect(self._period_ready)
        w.late.connect(self._late)
        w.health_changed.connect(self._health_changed)
        w.lines_loaded.connect(self._lines_loaded)
        w.error.connect(self._show_error)
        self.tick = QTimer(self, objectName="team-tick")
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._redraw_times)
        self._build()

    # -- lifetime (called by the shell) ----------------------------------------------------

    def start(self) -> None:
        self.team_thread.start(self.cfg, self.period())
        if self.isVisible():
            self.tick.start()

    def stop(self) -> None:
        """Stop the clock and join the team thread. Safe to call twice."""
        self.tick.stop()
        self.team_thread.stop()

    def set_config(self, cfg: Config) -> None:
        """New settings (inbox, hours, name): the worker reopens the inbox with them."""
        self.cfg = cfg
        if self.team_thread.running:
            self.team_thread.start(cfg)

    def refresh(self) -> None:
        self.team_thread.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.team_thread.running:
            self.tick.start()
        self._redraw_times()

    def hideEvent(self, event: QHideEvent) -> None:
        self.tick.stop()  # countdowns nobody sees need no redraw
        super().hideEvent(event)

    # -- entry points tests replace (pytest-qt habit) --------------------------------------

    @classmethod
    def ask_salesperson(
        cls, parent: QWidget, title: str, label: str, names: Sequence[str], current: str | None
    ) -> str | None:
        items = list(names)
        index = items.index(current) if current in items else 0
        name, ok = QInputDialog.getItem(parent, title, label, items, index, False)
        return name if ok and name else None

    @classmethod
    def confirm(cls, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_save_path(cls, parent: QWidget, title: str, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "CSV (*.csv)")
        return path or None

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Team"))
        self.stale = QLabel(self)
        self.stale.setObjectName("team-stale")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(
            "background: #fde0dc; color: #8e0000; padding: 6px 10px; font-weight: 600;"
        )
        self.stale.hide()
        self.pages = QTabWidget(self)
        self.pages.setObjectName("team-pages")
        self.pages.addTab(self._build_board(), self.tr("Live board"))
        self.pages.addTab(self._build_kpis(), self.tr("KPIs"))
        self.charts = TeamCharts(self)
        self.pages.addTab(self.charts, self.tr("Charts"))
        self.pages.currentChanged.connect(self._page_changed)
        self.status = QLabel(self)
        self.status.setObjectName("team-status")
        self.status.setWordWrap(True)
        # Next to the page tabs: the period is for the KPIs and charts, not the live board.
        self.pages.setCornerWidget(self._build_period_bar(), Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stale)
        layout.addWidget(self.branch_bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self._page_changed(self.pages.currentIndex())

    def _build_board(self) -> QWidget:
        self.unclaimed_table = QTableWidget(0, 6)
        self.unclaimed_table.setObjectName("team-unclaimed")
        self.unclaimed_table.setHorizontalHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Car"),
                self.tr("Source"),
                self.tr("Landed"),
                self.tr("Countdown"),
                self.tr("Not me"),
            ]
        )
        self.unclaimed_table.horizontalHeaderItem(5).setToolTip(
            self.tr("How many salespeople clicked “Not me” on this lead")
        )
        _table_look(self.unclaimed_table, stretch=0)
        # Customer and car share what is left; the short columns take what they need.
        self.unclaimed_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.assign_button = QPushButton(self.tr("Assign to…"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.unclaimed_table.itemSelectionChanged.connect(self._selection_changed)
        self.unclaimed_box = left = QGroupBox(self.tr("Unclaimed leads"))
        box = QVBoxLayout(left)
        # Who is at a PC now (the PCs announce it in the inbox): routing offers them leads.
        self.present_label = QLabel(self)
        self.present_label.setObjectName("team-present")
        self.present_label.setWordWrap(True)
        box.addWidget(self.present_label)
        box.addWidget(self.unclaimed_table, 1)
        box.addLayout(_row(self.assign_button))

        self.open_tree = QTreeWidget()
        self.open_tree.setObjectName("team-open")
        self.open_tree.setColumnCount(4)
        self.open_tree.setHeaderLabels(
            [
                self.tr("Salesperson / customer"),
                self.tr("Attempts"),
                self.tr("Next attempt"),
                self.tr("Landed"),
            ]
        )
        self.open_tree.setAlternatingRowColors(True)
        self.open_tree.setRootIsDecorated(True)
        self.open_tree.setUniformRowHeights(True)
        header = self.open_tree.header()
        header.setStretchLastSection(False)
        # Names whole; the next attempt's text gives way (elided) on a narrow screen.
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.open_tree.itemSelectionChanged.connect(self._selection_changed)
        self.reassign_button = QPushButton(self.tr("Reassign…"))
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.release_button = QPushButton(self.tr("Release to team"))
        self.release_button.clicked.connect(self.release_selected)
        self.forget_button = QPushButton(self.tr("Forget this customer…"))
        self.forget_button.setObjectName("team-forget")
        self.forget_button.clicked.connect(self.forget_selected)
        self.open_box = right = QGroupBox(self.tr("Open leads per salesperson"))
        box = QVBoxLayout(right)
        box.addWidget(self.open_tree, 1)
        box.addLayout(_row(self.reassign_button, self.release_button, self.forget_button))

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setChildrenCollapsible(False)
        self._selection_changed()
        return split

    def _build_kpis(self) -> QWidget:
        self.kpi_table = QTableWidget(0, 1 + len(KPI_KEYS))
        self.kpi_table.setObjectName("team-kpis")
        heads = [
            (self.tr("Salesperson"), ""),
            (self.tr("Leads"), self.tr("Leads that landed in the period")),
            (
                self.tr("Median to first call"),
                self.tr(
                    "Half of the called leads got their first call sooner than this, "
                    "counted from the landing (or from opening time)"
                ),
            ),
            (self.tr("% within 2 min"), self.tr("Leads whose first call came within 2 minutes")),
            (self.tr("% reached"), self.tr("Leads where the customer was reached")),
            (
                self.tr("% 3 attempts"),
                self.tr("Of the leads never reached: how many got all three calls"),
            ),
            (self.tr("% appointment"), self.tr("Leads that led to an appointment")),
            (self.tr("% sold"), self.tr("Leads that were sold: the conversion")),
        ]
        for col, (text, tip) in enumerate(heads):
            item = QTableWidgetItem(_two_lines(text))
            item.setToolTip(tip)
            self.kpi_table.setHorizontalHeaderItem(col, item)
        _table_look(self.kpi_table, stretch=None)
        # Names and routing modes whole ("Eén voor één, dan iedereen"); the figures share
        # the rest.
        self.kpi_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.kpi_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.kpi_table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.kpi_table.horizontalHeaderItem(0).setTextAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

        self.branch_table = self._build_branch_table()
        # The KPI table's rows: per salesperson, or per routing mode (did rollout make the
        # team faster?). Both come with every period; switching reads nothing.
        self.split_combo = QComboBox()
        self.split_combo.setObjectName("team-kpi-split")
        self.split_combo.addItem(self.tr("Per salesperson"), SPLIT_SALESPERSON)
        self.split_combo.addItem(self.tr("Per routing mode"), SPLIT_ROUTING)
        self.split_combo.setToolTip(
            self.tr("How the leads were offered (Settings: Who gets a lead), each with its KPIs")
        )
        self.split_combo.currentIndexChanged.connect(lambda _index: self._fill_kpis())
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_combo)
        split_row.addStretch(1)

        self.conversion = ConversionChart()
        self.min_spin = _percent_spin(self.lines[0], "team-line-minimum")
        self.pays_off_spin = _percent_spin(self.lines[1], "team-line-pays-off")
        for spin in (self.min_spin, self.pays_off_spin):
            spin.valueChanged.connect(self._lines_edited)
        lines = QGroupBox(self.tr("Reference lines"))
        form = QFormLayout(lines)
        form.addRow(self.tr("Minimum per salesperson"), self.min_spin)
        form.addRow(self.tr("Contact centre pays off"), self.pays_off_spin)
        hint = QLabel(
            self.tr(
                "A salesperson is expected to sell at least the minimum. Above the second "
                "line, an internal contact centre would earn back what it costs."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)
        lines.setMaximumWidth(320)

        below = QHBoxLayout()
        below.addWidget(self.conversion, 1)
        below.addWidget(lines, 0, Qt.AlignmentFlag.AlignTop)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.branch_table)
        layout.addLayout(split_row)
        layout.addWidget(self.kpi_table)
        layout.addLayout(below, 1)
        # A big team or a small screen: the page scrolls; the chart never slides under the
        # table (at 1366×768 the main window leaves the tab about 470 px).
        scroll = QScrollArea()
        scroll.setObjectName("team-kpis-scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _build_period_bar(self) -> QWidget:
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("team-period")
        for key, text in zip(
            tuple(PeriodKey),
            (
                self.tr("Today"),
                self.tr("This week"),
                self.tr("Last week"),
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("Custom…"),
            ),
            strict=True,
        ):
            self.period_combo.addItem(text, key)
        self.period_combo.setCurrentIndex(self.period_combo.findData(PeriodKey.WEEK))
        today = self.clock.now().astimezone(self.cfg.hours.tz).date()
        self.first_edit = _date_edit(today.replace(day=1))
        self.last_edit = _date_edit(today)
        self.period_combo.currentIndexChanged.connect(self._period_edited)
        self.first_edit.dateChanged.connect(self._period_edited)
        self.last_edit.dateChanged.connect(self._period_edited)
        self.range_label = QLabel()
        self.range_label.setObjectName("team-range")
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("team-branch")
        self.branch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.branch_combo.addItem(self.tr("All branches"), None)
        self.branch_combo.currentIndexChanged.connect(self._branch_edited)
        self.branch_label = QLabel(self.tr("Branch"))
        self.branch_label.setBuddy(self.branch_combo)
        # A row of its own (the period bar is full at 1366 px), for a group database only.
        self.branch_bar = QWidget()
        self.branch_bar.setObjectName("team-branch-bar")
        row = QHBoxLayout(self.branch_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.branch_label)
        row.addWidget(self.branch_combo)
        row.addStretch(1)
        self._has_branches = False  # a folder or mailbox inbox is one branch
        self.export_kpis_button = QPushButton(self.tr("Export KPIs (CSV)"))
        self.export_kpis_button.clicked.connect(self.export_kpis)
        self.export_detail_button = QPushButton(self.tr("Export per lead (CSV)"))
        self.export_detail_button.clicked.connect(self.export_detail)
        self.period_bar = QWidget()
        self.period_bar.setObjectName("team-period-bar")
        bar = QHBoxLayout(self.period_bar)
        bar.setContentsMargins(0, 0, 0, 2)
        label = QLabel(self.tr("Period"))
        label.setBuddy(self.period_combo)
        for widget in (label, self.period_combo, self.first_edit, self.last_edit, self.range_label):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.export_kpis_button)
        bar.addWidget(self.export_detail_button)
        return self.period_bar

    # -- the period ------------------------------------------------------------------------

    def period(self) -> Period:
        key = self.period_combo.currentData()
        if key == PeriodKey.CUSTOM:
            first, last = _pydate(self.first_edit.date()), _pydate(self.last_edit.date())
            return Period(key, min(first, last), max(first, last))
        return Period(key)

    def set_period(self, key: str, first: date | None = None, last: date | None = None) -> None:
        widgets = (self.period_combo, self.first_edit, self.last_edit)
        for widget in widgets:
            widget.blockSignals(True)  # one request to the worker, not one per widget
        if first is not None and last is not None:
            self.first_edit.setDate(QDate(first.year, first.month, first.day))
            self.last_edit.setDate(QDate(last.year, last.month, last.day))
        self.period_combo.setCurrentIndex(self.period_combo.findData(PeriodKey(key)))
        for widget in widgets:
            widget.blockSignals(False)
        self._period_edited()

    def _period_edited(self, *_: object) -> None:
        self._show_custom()
        self.team_thread.set_period(self.period())

    def _branch_edited(self, *_: object) -> None:
        self.team_thread.set_branch(self.branch_combo.currentData())

    def set_branch(self, branch: str | None) -> None:
        """Show one branch's KPIs and charts (None: all), as the filter does."""
        index = self.branch_combo.findData(branch) if branch is not None else 0
        if index < 0:
            self.branch_combo.addItem(self._branch_name(branch), branch)
            index = self.branch_combo.count() - 1
        self.branch_combo.setCurrentIndex(index)

    def _show_custom(self) -> None:
        custom = self.period_combo.currentData() == PeriodKey.CUSTOM
        on_board = self.pages.currentIndex() == 0
        self.first_edit.setVisible(custom and not on_board)
        self.last_edit.setVisible(custom and not on_board)

    def _page_changed(self, index: int) -> None:
        """The period matters for the KPIs and charts, not for the live board."""
        self.period_bar.setVisible(index != 0)
        self.branch_bar.setVisible(self._has_branches and index != 0)
        self._show_custom()

    # -- from the worker -------------------------------------------------------------------

    def _present_text(self, board: Board) -> str:
        words = {
            "available": self.tr("available"),
            "with_customer": self.tr("with a customer"),
            "on_break": self.tr("on a break"),
        }
        here = [f"{p.user} ({words[p.status]})" for p in board.present if p.status in words]
        if not here:
            return self.tr("Present: nobody")
        return self.tr("Present: {people}").format(people=", ".join(here))

    def _board_changed(self, board: Board) -> None:
        self.board = board
        keep_unclaimed, keep_open = self.selected_unclaimed(), self.selected_open()
        now = self.clock.now()
        table = self.unclaimed_table
        table.setRowCount(len(board.unclaimed))
        for row, lead in enumerate(board.unclaimed):
            cells = [
                lead.name,
                lead.vehicle,
                lead.source,
                clock_time(lead.received_at, self.cfg.hours.tz, now),
                "",
                str(lead.dismissed) if lead.dismissed else "",
            ]
            if lead.missed_call:  # ☎: the customer phoned and nobody answered
                cells[0] = "☎ " + cells[0]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(LEAD_ROLE, lead.lead)
                if col == 0 and lead.missed_call:
                    item.setToolTip(self.tr("Missed call: the customer phoned and nobody answered"))
                if col in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, col, item)
        self.open_tree.clear()
        for owner, leads in board.by_owner().items():
            top = QTreeWidgetItem([owner, self.tr("{n} open").format(n=len(leads)), "", ""])
            bold = QFont(top.font(0))
            bold.setBold(True)
            for col in range(4):
                top.setFont(col, bold)
            for lead in leads:
                landed = clock_time(lead.received_at, self.cfg.hours.tz, now)
                child = QTreeWidgetItem([lead.name, lead.dots, "", landed])
                child.setData(0, LEAD_ROLE, lead.lead)
                child.setToolTip(1, ", ".join(outcome_text(o) for o in lead.outcomes))
                big = QFont(child.font(1))
                big.setPointSizeF(big.pointSizeF() * 1.25)
                child.setFont(1, big)
                top.addChild(child)
            self.open_tree.addTopLevelItem(top)
        self.open_tree.expandAll()
        self.unclaimed_box.setTitle(self.tr("Unclaimed leads ({n})").format(n=len(board.unclaimed)))
        self.present_label.setText(self._present_text(board))
        self.open_box.setTitle(
            self.tr("Open leads per salesperson ({n})").format(n=len(board.open_leads))
        )
        self._select(keep_unclaimed, keep_open)
        self._redraw_times()
        self._selection_changed()
        self.board_shown.emit(board)

    def _redraw_times(self) -> None:
        """Countdowns and overdue marks at `now`: red after two minutes, red when overdue."""
        now, tz = self.clock.now(), self.cfg.hours.tz
        for row, lead in enumerate(self.board.unclaimed):
            item = self.unclaimed_table.item(row, 4)
            if item is None:
                continue
            if lead.waiting(now):
                starts = clock_time(lead.sla_start, tz, now)
                item.setText(self.tr("starts {time}").format(time=starts))
                colors: tuple[QColor | None, QColor | None] = (None, None)
            else:
                c = lead.countdown(now)
                item.setText(c.text)
                colors = {"normal": (None, None), "amber": (AMBER, AMBER_BG)}.get(
                    c.phase, (RED, RED_BG)
                )
            for col in range(self.unclaimed_table.columnCount()):
                cell = self.unclaimed_table.item(row, col)
                if cell is not None:
                    _paint(cell, *colors, bold=col == 4 and colors[0] is not None)
        by_id = {o.lead: o for o in self.board.open_leads}
        for i in range(self.open_tree.topLevelItemCount()):
            top = self.open_tree.topLevelItem(i)
            late = 0
            for j in range(top.childCount()):
                child = top.child(j)
                lead = by_id.get(child.data(0, LEAD_ROLE))
                if lead is None:
                    continue
                overdue = lead.overdue(now)
                late += overdue
                child.setText(2, self._next_text(lead, now))
                child.setForeground(2, QBrush(RED) if overdue else QBrush())
                bold = QFont(child.font(2))
                bold.setBold(overdue)
                child.setFont(2, bold)
            top.setText(2, self.tr("{n} overdue").format(n=late) if late else "")
            top.setForeground(2, QBrush(RED) if late else QBrush())

    def _next_text(self, lead: OpenLead, now: datetime) -> str:
        if lead.next_attempt is None or lead.next_due is None:
            return ""
        when = clock_time(lead.next_due, self.cfg.hours.tz, now)
        n = lead.next_attempt
        if lead.overdue(now):
            return self.tr("attempt {n} overdue since {time}").format(n=n, time=when)
        return self.tr("attempt {n} at {time}").format(n=n, time=when)

    def _period_ready(self, view: PeriodView) -> None:
        self.view = view
        tz = self.cfg.hours.tz
        first, last = view.since.astimezone(tz), view.until.astimezone(tz) - timedelta(days=1)
        locale = QLocale()
        fmt = "d MMM yyyy"
        shown = locale.toString(QDate(first.year, first.month, first.day), fmt)
        if last.date() != first.date():
            shown += " – " + locale.toString(QDate(last.year, last.month, last.day), fmt)
        self.range_label.setText(f"{shown}  ({tz})")
        self._fill_branch_filter(view)
        self._fill_kpis()
        self.charts.set_stats(view.stats)
        self.period_shown.emit(view)

    def _kpi_rows(self) -> list[dict[str, Any]]:
        """The KPI table's rows, the team's last (its "user" None): per salesperson, or per
        routing mode as the split says."""
        assert self.view is not None
        report = self.view.report
        if self.split_combo.currentData() == SPLIT_ROUTING:
            self.kpi_table.horizontalHeaderItem(0).setText(self.tr("Routing mode"))
            return [
                {"user": None if m.is_team else self._mode_name(m.mode or ""), **vars_of(m)}
                for m in self.view.modes
            ] or [{"user": None, **report["team"]}]
        self.kpi_table.horizontalHeaderItem(0).setText(self.tr("Salesperson"))
        return [*report["salespeople"], {"user": None, **report["team"]}]

    def _mode_name(self, mode: str) -> str:
        """A routing mode as the manager reads it (Settings' words, shortened)."""
        names = {
            "everyone": self.tr("Everyone at once"),
            "rollout": self.tr("One at a time, then everyone"),
            "round_robin": self.tr("In turn, then everyone"),
            "by_source": self.tr("By source"),
            "": self.tr("Not recorded"),
        }
        return names.get(mode, mode)

    def _fill_kpis(self) -> None:
        if self.view is None:
            return
        self._fill_branches()
        report = self.view.report
        rows = self._kpi_rows()
        table = self.kpi_table
        table.setRowCount(len(rows))
        low, high = self.lines
        for r, data in enumerate(rows):
            team = data["user"] is None
            whole = (
                self.tr("Team") if self.view.branch is None else self._branch_name(self.view.branch)
            )
            name = QTableWidgetItem(whole if team else data["user"])
            table.setItem(r, 0, name)
            for c, key in enumerate(KPI_KEYS, start=1):
                item = QTableWidgetItem(_kpi_text(key, data.get(key)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
            sold = data.get("sold_pct")
            if sold is not None:
                fg, bg = _against_lines(sold, low, high)
                _paint(table.item(r, len(KPI_KEYS)), fg, bg, bold=fg is not None)
            if team:
                for c in range(table.columnCount()):
                    font = QFont(table.item(r, c).font())
                    font.setBold(True)
                    table.item(r, c).setFont(font)
        table.resizeColumnToContents(0)
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(min(height, 420))
        chart_rows = (
            [(self.tr("Team") if d["user"] is None else d["user"], d.get("sold_pct")) for d in rows]
            if report["team"]["leads"]
            else []
        )
        if self.view.has_branches and self.view.branch is None:
            # The group view: the conversion chart compares branches, the group last.
            chart_rows = [
                (self._branch_name(b.branch), b.sold_pct) for b in self.view.branches if b.leads
            ]
        self.conversion.set_rows(chart_rows, low, high)

    def _build_branch_table(self) -> QTableWidget:
        """The group view: a row per branch and the group's, the KPI table's columns."""
        table = QTableWidget(0, 1 + len(KPI_KEYS))
        table.setObjectName("team-branches")
        for col in range(table.columnCount()):
            head = self.kpi_table.horizontalHeaderItem(col)
            item = QTableWidgetItem(self.tr("Branch") if col == 0 else head.text())
            item.setToolTip("" if col == 0 else head.toolTip())
            table.setHorizontalHeaderItem(col, item)
        _table_look(table, stretch=None)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        table.horizontalHeaderItem(0).setTextAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        table.hide()
        return table

    def _branch_name(self, branch: str | None) -> str:
        if branch is None:
            return self.tr("Group")
        if not branch:
            return self.tr("No branch")
        # From the address (?branch=den-bosch): as a place name reads, "Den Bosch".
        return " ".join(w.capitalize() for w in branch.replace("_", "-").split("-") if w)

    def _fill_branch_filter(self, view: PeriodView) -> None:
        """The filter's branches: those of the period, and the one chosen."""
        combo = self.branch_combo
        known = [combo.itemData(i) for i in range(1, combo.count())]
        for row in view.branches:
            if row.branch is not None and row.branch not in known:
                known.append(row.branch)
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for branch in sorted(known, key=str.casefold):
            combo.addItem(self._branch_name(branch), branch)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)
        self._has_branches = view.has_branches or chosen is not None
        self.branch_bar.setVisible(self._has_branches and self.pages.currentIndex() != 0)

    def _fill_branches(self) -> None:
        """A row per branch and the group's, sold % against the reference lines; the chosen
        branch bold. Only for a group with more than one branch."""
        view = self.view
        table = self.branch_table
        if view is None or not view.has_branches:
            table.hide()
            return
        low, high = self.lines
        table.setRowCount(len(view.branches))
        for r, row in enumerate(view.branches):
            table.setItem(r, 0, QTableWidgetItem(self._branch_name(row.branch)))
            for c, key in enumerate(KPI_KEYS, start=1):
                item = QTableWidgetItem(_kpi_text(key, getattr(row, key)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
            if row.sold_pct is not None:
                fg, bg = _against_lines(row.sold_pct, low, high)
                _paint(table.item(r, len(KPI_KEYS)), fg, bg, bold=fg is not None)
            if row.is_group or row.branch == view.branch:
                for c in range(table.columnCount()):
                    font = QFont(table.item(r, c).font())
                    font.setBold(True)
                    table.item(r, c).setFont(font)
        table.resizeColumnToContents(0)
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(min(height, 300))
        table.show()

    def _late(self, leads: list[UnclaimedLead]) -> None:
        """A lead still unclaimed at 2:00: the manager hears it once per lead."""
        if self._notify is None or not leads:
            return
        if len(leads) == 1:
            lead = leads[0]
            title = self.tr("Lead waiting over 2 minutes")
            text = self.tr("{name} ({source}) — nobody has taken it yet").format(
                name=lead.name, source=lead.source
            )
        else:
            title = self.tr("{n} leads waiting over 2 minutes").format(n=len(leads))
            text = ", ".join(lead.name for lead in leads)
        self._notify(title, text)
        self.late_notified.emit(leads)

    def _health_changed(self, health: TeamHealth) -> None:
        self._show_health(health)
        self.health_shown.emit(health)

    def _show_health(self, health: TeamHealth) -> None:
        if health.ok:
            self.stale.hide()
            return
        if health.last_ok is None:
            text = self.tr("No data read yet — activity folder unreachable")
        else:
            when = clock_time(health.last_ok, self.cfg.hours.tz, self.clock.now())
            text = self.tr("Data from {time} — activity folder unreachable").format(time=when)
        self.stale.setText(text)
        self.stale.setToolTip(health.error or "")
        self.stale.show()

    def _handed_over(self, result: HandOver) -> None:
        if result.ok:
            self._show_message(
                self.tr("Given to {name}").format(name=result.owner)
                if result.owner
                else self.tr("Released to the team")
            )
        else:
            self._show_error(self.tr("Not done: {why}").format(why=self._why(result)))
        self.handed_over.emit(result)

    def _why(self, result: HandOver) -> str:
        texts = {
            HandOverReason.GONE: self.tr("the lead is no longer waiting in the inbox"),
            HandOverReason.UNKNOWN: self.tr("no claim of this lead is known"),
            HandOverReason.NO_DOC: self.tr("the lead's document is not known"),
            HandOverReason.STUCK: self.tr("the lead could not be taken back"),
            HandOverReason.TAKEN: self.tr("{owner} took the lead first").format(owner=result.owner)
            if result.owner
            else self.tr("a colleague took the lead first"),
            HandOverReason.INBOX: self.tr("inbox unreachable ({error})").format(error=result.error),
        }
        return texts.get(result.reason or "", result.error or "")

    def _exported(self, path: str, error: str) -> None:
        if error:
            self._show_error(self.tr("Export failed: {why}").format(why=error))
        else:
            self._show_message(self.tr("Saved {path}").format(path=path))
        self.exported.emit(path, error)

    def _lines_loaded(self, low: float, high: float) -> None:
        self.lines = (low, high)
        for spin, value in ((self.min_spin, low), (self.pays_off_spin, high)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._fill_kpis()
        self.lines_shown.emit(low, high)

    def _lines_edited(self, _value: float) -> None:
        self.lines = (self.min_spin.value(), self.pays_off_spin.value())
        self.team_thread.save_lines(*self.lines)
        self._fill_kpis()

    def _show_message(self, text: str) -> None:
        self.status.setStyleSheet("color: #2e7d32;")
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(text)

    # -- selection and actions -------------------------------------------------------------

    def selected_unclaimed(self) -> str | None:
        items = self.unclaimed_table.selectedItems()
        return items[0].data(LEAD_ROLE) if items else None

    def selected_open(self) -> str | None:
        items = self.open_tree.selectedItems()
        return items[0].data(0, LEAD_ROLE) if items else None

    def _select(self, unclaimed: str | None, open_lead: str | None) -> None:
        for row in range(self.unclaimed_table.rowCount()):
            item = self.unclaimed_table.item(row, 0)
            if item is not None and item.data(LEAD_ROLE) == unclaimed:
                self.unclaimed_table.selectRow(row)
        for i in range(self.open_tree.topLevelItemCount()):
            top = self.open_tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, LEAD_ROLE) == open_lead:
                    self.open_tree.setCurrentItem(top.child(j))

    def select_lead(self, lead_id: str) -> bool:
        """Select the lead on the board (unclaimed or open); False if it isn't there."""
        self.unclaimed_table.clearSelection()
        self.open_tree.clearSelection()
        self._select(lead_id, lead_id)
        return lead_id in (self.selected_unclaimed(), self.selected_open())

    def _selection_changed(self) -> None:
        self.assign_button.setEnabled(self.selected_unclaimed() is not None)
        has_open = self.selected_open() is not None
        self.reassign_button.setEnabled(has_open)
        self.release_button.setEnabled(has_open)
        self.forget_button.setEnabled(has_open)

    def _open_lead(self, lead_id: str) -> OpenLead | None:
        return next((o for o in self.board.open_leads if o.lead == lead_id), None)

    def assign_selected(self) -> None:
        lead_id = self.selected_unclaimed()
        lead = next((u for u in self.board.unclaimed if u.lead == lead_id), None)
        if lead is None:
            return
        name = self.ask_salesperson(
            self,
            self.tr("Assign lead"),
            self.tr("Give {name} to:").format(name=lead.name),
            self.board.salespeople,
            None,
        )
        if name:
            self._hand_over(lead.lead, lambda team: team.assign(lead.lead, name))

    def reassign_selected(self) -> None:
        lead = self._open_lead(self.selected_open() or "")
        if lead is None:
            return
        others = [n for n in self.board.salespeople if n != lead.owner]
        name = self.ask_salesperson(
            self,
            self.tr("Reassign lead"),
            self.tr("Give {name} (now with {owner}) to:").format(name=lead.name, owner=lead.owner),
            others,
            None,
        )
        if name:
            self._hand_over(lead.lead, lambda team: team.reassign(lead.lead, name))

    def release_selected(self) -> None:
        lead = self._open_lead(self.selected_open() or "")
        if lead is None:
            return
        if self.confirm(
            self,
            self.tr("Release to team"),
            self.tr("Give {name} back to the team? Everyone gets the alert again.").format(
                name=lead.name
            ),
        ):
            self._hand_over(lead.lead, lambda team: team.release_to_team(lead.lead))

    def forget_selected(self) -> None:
        """The customer's right to be forgotten (AVG), as `leadpop forget --lead`: all their
        leads lose name, phone, e-mail and notes here, in the shared inbox and on every PC
        at its next poll; the team figures stay. Only counts are shown and logged."""
        lead = self._open_lead(self.selected_open() or "")
        if lead is None:
            return
        if not self.confirm(
            self,
            self.tr("Forget this customer"),
            self.tr(
                "Erase everything Leadpop holds on {name}, in all their leads: name, phone, "
                "e-mail, address and call notes, on this PC, in the shared inbox and on every "
                "other PC at its next poll. The team figures stay as they are (the leads, "
                "calls and sales still count).\n\nThis can't be undone."
            ).format(name=lead.name),
        ):
            return
        lead_id = lead.lead
        self.team_thread.op(lambda team: team.privacy.forget_lead(lead_id), what="forget").success(
            self._forgot
        ).failure(lambda exc: self._forgot(str(exc) or type(exc).__name__)).run_in_background()

    def _forgot(self, result: Erased | str) -> None:
        if isinstance(result, str):
            self._show_error(self.tr("The customer was not forgotten: {why}").format(why=result))
        else:
            self._show_message(
                self.tr(
                    "Customer forgotten: {leads} lead(s), {documents} document(s) in the "
                    "inbox, {events} event(s) of this PC's activity log, {notes} call "
                    "note(s)."
                ).format(
                    leads=result.leads,
                    documents=result.documents,
                    events=result.events,
                    notes=result.notes,
                )
            )
        self.forgotten.emit(result)

    def export_kpis(self) -> None:
        self._export("kpis", self.tr("Export KPIs"), "leadpop-kpis")

    def export_detail(self) -> None:
        self._export("detail", self.tr("Export per lead"), "leadpop-leads")

    def _export(self, kind: str, title: str, stem: str) -> None:
        since, until = (self.view.since, self.view.until) if self.view else (None, None)
        span = f"-{since:%Y%m%d}-{until - timedelta(days=1):%Y%m%d}" if since and until else ""
        path = self.ask_save_path(self, title, str(Path.home() / f"{stem}{span}.csv"))
        if not path:
            return
        period, detail, excel = self.period(), kind == "detail", excel_language()
        self.team_thread.op(
            lambda team: team.export_csv(period, path, detail=detail, excel=excel),
            what="export",
            refresh=False,
        ).success(lambda written: self._exported(written, "")).failure(
            lambda exc: self._exported(path, str(exc) or type(exc).__name__)
        ).run_in_background()

    def _hand_over(self, lead_id: str, op: Callable[[TeamDesk], HandOver]) -> None:
        """Assign, reassign or release, in the team thread; the result is shown here."""

        def failed(exc: Exception) -> None:
            why = str(exc) or type(exc).__name__
            self._handed_over(HandOver(False, lead_id, None, why, HandOverReason.INBOX))

        self.team_thread.op(op, what="hand-over").success(self._handed_over).failure(
            failed
        ).run_in_background()


# -- small helpers --------------------------------------------------------------------------


def vars_of(row: RoutingRow) -> dict[str, Any]:
    """A routing mode's KPIs, keyed as the report's rows are."""
    return {key: getattr(row, key) for key in KPI_KEYS}


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    return row


def _table_look(table: QTableWidget, stretch: int | None) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    if stretch is not None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _paint(
    item: QTableWidgetItem, fg: QColor | None, bg: QColor | None, *, bold: bool = False
) -> None:
    item.setForeground(QBrush(fg) if fg else QBrush())
    item.setBackground(QBrush(bg) if bg else QBrush())
    font = QFont(item.font())
    font.setBold(bold)
    item.setFont(font)


def _against_lines(sold: float, low: float, high: float) -> tuple[QColor | None, QColor | None]:
    """Red under the minimum, green from where a contact centre pays off."""
    if sold < low:
        return RED, RED_BG
    if sold >= high:
        return GREEN, GREEN_BG
    return None, None


def _percent_spin(value: float, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(0.0, 100.0)
    spin.setDecimals(0)
    spin.setSuffix(" %")
    spin.setValue(value)
    return spin


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _two_lines(text: str, longest: int = 16) -> str:
    """Break a long column title near its middle, so eight columns fit at 1366 px."""
    if len(text) <= longest or " " not in text:
        return text
    middle = len(text) // 2
    cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


def _kpi_text(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "first_call_median_s":
        return duration_text(value)
    if key.endswith("_pct"):
        return QLocale().toString(float(value), "f", 1) + "%"
    return str(value)


def duration_text(seconds: float) -> str:
    """'45 s', '22 min 26 s', '3 h 44 min' (translated): one format with its units, so a
    median of 22 minutes doesn't read as the time 22:26."""
    s = round(seconds)
    if s >= 3600:
        text = QCoreApplication.translate("TeamTab", "{h} h {m} min")
        return text.format(h=s // 3600, m=f"{(s % 3600) // 60:02d}")
    if s >= 60:
        text = QCoreApplication.translate("TeamTab", "{m} min {s} s")
        return text.format(m=s // 60, s=f"{s % 60:02d}")
    return QCoreApplication.translate("TeamTab", "{s} s").format(s=s)


def excel_language() -> str:
    """The export is opened in Excel on this PC: its separators follow the UI's language
    (Dutch Excel splits on ';' and reads ',' as the decimal mark)."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"
