"""Leads nobody has taken that the alert doesn't show: waiting for opening time, or passed
on here with "Not me". Both stay reachable: take one early (a keen salesperson calling at
08:30 is what the customer wants), or let it alert here again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.engine.views import LeadView
from app.ui.common.lead_format import clock_time
from app.ui.common.lead_text import vehicle_text

ROWS_SHOWN = 4  # more scroll: the panel never takes the list's room


@dataclass(frozen=True)
class Unclaimed:
    view: LeadView
    starts: datetime | None = None  # waiting for opening: when its clock starts
    dismissed_at: datetime | None = None  # "Not me" here, at


class UnclaimedPanel(QWidget):
    take_requested = Signal(str)
    alert_again_requested = Signal(str)

    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnclaimedPanel")
        self.tz = tz
        self.rows: list[Unclaimed] = []
        self.heading = QLabel(objectName="unclaimed-heading")
        self.table = QTableWidget(0, 3, objectName="unclaimed-table")
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.take_button = QPushButton(self.tr("Take it"), objectName="unclaimed-take")
        self.again_button = QPushButton(self.tr("Alert me again"), objectName="unclaimed-again")
        self.take_button.clicked.connect(lambda: self._emit(self.take_requested))
        self.again_button.clicked.connect(lambda: self._emit(self.alert_again_requested))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.again_button)
        top.addWidget(self.take_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 6, 0, 0)
        col.setSpacing(4)
        col.addLayout(top)
        col.addWidget(self.table)
        self.hide()
        self._enable()

    def set_rows(self, rows: list[Unclaimed], now: datetime) -> None:
        chosen = self.selected()
        self.rows = rows
        self.heading.setText(self.tr("Not taken yet ({n})").format(n=len(rows)))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            view = row.view
            if row.starts is not None:
                when = self.tr("waiting for opening · alerts {time}").format(
                    time=clock_time(row.starts, self.tz, now)
                )
            elif row.dismissed_at is not None:
                when = self.tr("you said Not me · {time}").format(
                    time=clock_time(row.dismissed_at, self.tz, now)
                )
            else:
                when = ""
            car = vehicle_text(view.vehicle).split(" · ")[0]  # make, model, year
            for c, text in enumerate((view.shown_name, car, when)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, view.id)
                self.table.setItem(r, c, item)
            if view.id == chosen:
                self.table.selectRow(r)
        rows_h = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(rows_h * max(1, min(ROWS_SHOWN, len(rows))) + 4)
        self.setVisible(bool(rows))
        self._enable()

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select(self, lead_id: str) -> bool:
        for r, row in enumerate(self.rows):
            if row.view.id == lead_id:
                self.table.selectRow(r)
                return True
        return False

    def _row(self, lead_id: str | None) -> Unclaimed | None:
        return next((r for r in self.rows if r.view.id == lead_id), None)

    def _enable(self) -> None:
        row = self._row(self.selected())
        self.take_button.setEnabled(row is not None)
        self.again_button.setEnabled(row is not None and row.dismissed_at is not None)

    def _emit(self, signal: Signal) -> None:
        lead_id = self.selected()
        if lead_id is not None:
            signal.emit(lead_id)  # type: ignore[attr-defined]
