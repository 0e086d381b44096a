"""The "My leads" list: a table model over LeadViews in desk.my_leads() order, plus filters.

The worker sends fresh views every poll; the model updates rows in place when the order
is unchanged, so the selection and scroll position stay where the salesperson left them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.core.clock import Clock
from app.engine.views import LeadView
from app.ui.common.lead_format import next_action, status_text, unrecorded_text
from app.ui.common.lead_text import duration_text, vehicle_text

STATUS, NAME, NEXT, CAR, LANDED = range(5)  # what is due right after who
OVERDUE_FG = QColor("#991b1b")
OVERDUE_BG = QColor("#fee2e2")
DONE_FG = QColor("#64748b")
SELECTED_BG = QColor("#bfdbfe")
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1

FILTER_TODAY, FILTER_OPEN, FILTER_ALL = "today", "open", "all"

Index = QModelIndex | QPersistentModelIndex


class LeadTableModel(QAbstractTableModel):
    def __init__(self, clock: Clock, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.tz = tz
        self.views: list[LeadView] = []
        self.unrecorded: dict[str, datetime] = {}  # calls whose outcome was put off
        self._now = clock.now()
        self._headers: tuple[Callable[[], str], ...] = (
            lambda: self.tr("Status"),
            lambda: self.tr("Customer"),
            lambda: self.tr("Next"),
            lambda: self.tr("Car"),
            lambda: self.tr("Age"),
        )

    def set_views(self, views: list[LeadView]) -> None:
        self._now = self.clock.now()
        if [v.id for v in views] == [v.id for v in self.views]:
            self.views = views
            if views:
                last = self.index(len(views) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.views = views
        self.endResetModel()

    def view_at(self, row: int) -> LeadView | None:
        return self.views[row] if 0 <= row < len(self.views) else None

    def row_of(self, lead_id: str) -> int:
        return next((i for i, v in enumerate(self.views) if v.id == lead_id), -1)

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.view_at(index.row())
        if view is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(view, col)
        if role == VIEW_ROLE:
            return view
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME:
            if view.missed_call:
                return self.tr("Missed call: {number}").format(number=view.phone.shown)
            return view.phone.shown
        if role == Qt.ItemDataRole.ToolTipRole and col == CAR:
            return self._text(view, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if view.overdue:
                return QBrush(OVERDUE_FG)
            if view.status.closed:
                return QBrush(DONE_FG)
        if role == Qt.ItemDataRole.BackgroundRole and view.overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.FontRole and (view.overdue or col == NAME):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, view: LeadView, col: int) -> str:
        if col == STATUS:
            return status_text(view)
        if col == NAME:  # ☎: a missed call, the customer phoned and nobody answered
            return ("☎ " if view.missed_call else "") + view.shown_name
        if col == CAR:
            return _car(view)
        if col == LANDED:
            return duration_text((self._now - view.received_at).total_seconds())
        if col == NEXT:
            started = self.unrecorded.get(view.id)
            if started is not None:
                return unrecorded_text(started, self.tz, self._now)
            return next_action(view, self.tz, self._now)
        return ""


class OverdueDelegate(QStyledItemDelegate):
    """A selected row keeps its overdue red: the selection is a light tint, not a repaint."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        view = index.data(VIEW_ROLE)
        option.palette.setColor(QPalette.ColorRole.Highlight, SELECTED_BG)
        text = OVERDUE_FG if view is not None and view.overdue else QColor("#0f172a")
        option.palette.setColor(QPalette.ColorRole.HighlightedText, text)


def _car(view: LeadView) -> str:
    """Make, model and year only: price and stock number live in the detail pane."""
    return vehicle_text(view.vehicle).split(" · ")[0]


def matches(view: LeadView, text: str) -> bool:
    """Search: name, phone (digits), e-mail, car, question."""
    needle = text.strip().casefold()
    if not needle:
        return True
    phone = view.phone
    hay = " ".join(
        p or "" for p in (view.name, view.email, phone.raw, phone.display, phone.e164, view.message)
    )
    hay += " " + vehicle_text(view.vehicle)
    if needle in hay.casefold():
        return True
    digits = "".join(c for c in needle if c.isdigit())
    return len(digits) >= 3 and digits in "".join(c for c in hay if c.isdigit())


def in_filter(view: LeadView, which: str, now: datetime, tz: tzinfo) -> bool:
    """today: due or landed today (and everything overdue); open: not sold or lost."""
    if which == FILTER_ALL:
        return True
    if which == FILTER_OPEN:
        return view.is_open
    today = now.astimezone(tz).date()
    if view.overdue:
        return True
    if view.next_due is not None and view.next_due.astimezone(tz).date() == today:
        return True
    return view.received_at.astimezone(tz).date() == today


class LeadFilter(QSortFilterProxyModel):
    """Search box + today/open/all; keeps the model's what-is-due-first order."""

    def __init__(self, model: LeadTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.model_ = model
        self.text = ""
        self.which = FILTER_OPEN

    def set_text(self, text: str) -> None:
        self._begin()
        self.text = text
        self._end()

    def set_which(self, which: str) -> None:
        self._begin()
        self.which = which
        self._end()

    # Qt 6.9 replaced invalidateRowsFilter() by a begin/end pair; support both.
    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        view = self.model_.view_at(source_row)
        if view is None:
            return False
        now = self.model_.clock.now()
        return in_filter(view, self.which, now, self.model_.tz) and matches(view, self.text)
