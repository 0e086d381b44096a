"""The detail pane: one lead's fields, the original document as text, the call log, actions.

The original document is shown as plain text only (QPlainTextEdit, read-only): lead
e-mails are untrusted, so nothing in them is ever rendered as HTML.
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.enums import LeadState
from app.core.hours import OpeningHours
from app.engine.views import AttemptView, LeadView
from app.ui.common.lead_format import (
    clock_time,
    lost_reason_text,
    next_action,
    outcome_text,
    status_text,
    unrecorded_text,
)
from app.ui.common.lead_text import vehicle_text

SNOOZE_MINUTES = (15, 30, 60, 120)
MORNING = time(9)  # "until opening" where the dealership never closes


def opening_after_today(now: datetime, hours: OpeningHours) -> datetime:
    """The first opening after today (tomorrow's, or after a closed Sunday or holiday),
    from the hours in force; around the clock, tomorrow morning."""
    tomorrow = now.astimezone(hours.tz).date() + timedelta(days=1)
    if hours.always:
        return datetime.combine(tomorrow, MORNING, tzinfo=hours.tz)
    return hours.next_open(datetime.combine(tomorrow, time(0), tzinfo=hours.tz))


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # customer data: never rich text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LeadDetail(QWidget):
    call_requested = Signal(str)
    qr_requested = Signal(str)
    record_requested = Signal(str)
    sold_requested = Signal(str)
    lost_requested = Signal(str)
    release_requested = Signal(str)
    snooze_requested = Signal(str, int)  # lead id, minutes (never past today's closing)
    snooze_until_requested = Signal(str, object)  # lead id, until (the next opening)
    lead_shown = Signal(str)  # another lead is shown: the shell fetches its team's calls

    def __init__(self, clock: Clock, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LeadDetail")
        self.clock = clock
        self.tz = tz
        self.hours: OpeningHours | None = None  # in force (the shell's): "until opening"
        self.view: LeadView | None = None
        self.me = ""  # this PC's salesperson (set_user)
        self.pending: set[str] = set()  # leads whose sold/lost/release waits for Undo
        self.unrecorded: dict[str, datetime] = {}  # calls whose outcome was put off
        # Calls in the team's log by someone else (before a hand-over), by lead.
        self.earlier: dict[str, tuple[AttemptView, ...]] = {}

        self.empty = QLabel(self.tr("Select a lead to see its details"), objectName="detail-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.name = QLabel(objectName="detail-name")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.status = QLabel(objectName="detail-status")
        self.next = QLabel(objectName="detail-next")
        self.next.setWordWrap(True)

        self.phone = _value_label()
        self.phone.setObjectName("detail-phone")
        self.email = _value_label()
        self.car = _value_label()
        self.source = _value_label()
        self.landed = _value_label()
        self.message = _value_label()
        self.message.setObjectName("detail-message")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        for text, widget in (
            (self.tr("Phone"), self.phone),
            (self.tr("E-mail"), self.email),
            (self.tr("Car"), self.car),
            (self.tr("Source"), self.source),
            (self.tr("Landed"), self.landed),
            (self.tr("Question"), self.message),
        ):
            caption = QLabel(text, objectName="detail-caption")
            form.addRow(caption, widget)

        self.call_button = self._button(self.tr("Call"), "detail-call", "primary")
        self.record_button = self._button(self.tr("Record outcome"), "detail-record", "primary2")
        self.qr_button = self._button(self.tr("QR code"), "detail-qr")
        self.copy_button = self._button(self.tr("Copy number"), "detail-copy")
        self.sold_button = self._button(self.tr("Mark sold"), "detail-sold")
        self.lost_button = self._button(self.tr("Mark lost…"), "detail-lost")
        self.release_button = self._button(self.tr("Release to team"), "detail-release")
        self.snooze_button = QToolButton(objectName="detail-snooze")
        self.snooze_button.setText(self.tr("Snooze") + " ▾")
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.snooze_button, objectName="detail-snooze-menu")
        for minutes in SNOOZE_MINUTES:
            action = menu.addAction(self._snooze_text(minutes))
            action.triggered.connect(lambda _=False, m=minutes: self._snooze(m))
        menu.addSeparator()
        self.opening_action = menu.addAction("")  # its time is filled in as the menu opens
        self.opening_action.triggered.connect(self._snooze_to_opening)
        menu.aboutToShow.connect(self._update_snooze_menu)
        self.snooze_button.setMenu(menu)
        self._update_snooze_menu()

        # Three rows, most used first: call and record; dial helpers; closing the lead.
        main_row = QHBoxLayout()
        main_row.addWidget(self.call_button, 1)
        main_row.addWidget(self.record_button, 1)
        more = QGridLayout()
        more.setHorizontalSpacing(8)
        more.setVerticalSpacing(8)
        for i, button in enumerate(
            (
                self.qr_button,
                self.copy_button,
                self.snooze_button,
                self.sold_button,
                self.lost_button,
                self.release_button,
            )
        ):
            more.addWidget(button, i // 3, i % 3)
        for col in range(3):
            more.setColumnStretch(col, 1)
        self.snooze_button.setSizePolicy(
            QSizePolicy.Policy.Expanding, self.snooze_button.sizePolicy().verticalPolicy()
        )

        self.log = QTableWidget(0, 4, objectName="detail-log")
        self.log.setHorizontalHeaderLabels(
            [self.tr("Attempt"), self.tr("Time"), self.tr("Outcome"), self.tr("Note")]
        )
        self.log.verticalHeader().hide()
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.log.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.log.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.log_empty = QLabel(self.tr("No calls yet"), objectName="detail-log-empty")

        self.original = QPlainTextEdit(objectName="detail-original")
        self.original.setReadOnly(True)
        self.original.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.body = QWidget(objectName="detail-body")
        col = QVBoxLayout(self.body)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(10)
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        col.addLayout(head)
        col.addWidget(self.next)
        col.addLayout(main_row)
        col.addLayout(more)
        col.addWidget(_line())
        col.addLayout(form)
        col.addWidget(self._heading(self.tr("Calls")))
        col.addWidget(self.log_empty)
        col.addWidget(self.log, 1)
        col.addWidget(self._heading(self.tr("Original document")))
        col.addWidget(self.original, 2)

        root = QVBoxLayout(self)
        root.setContentsMargins(18, 14, 18, 14)
        root.addWidget(self.empty)
        root.addWidget(self.body)

        self.call_button.clicked.connect(lambda: self._emit(self.call_requested))
        self.record_button.clicked.connect(lambda: self._emit(self.record_requested))
        self.qr_button.clicked.connect(lambda: self._emit(self.qr_requested))
        self.copy_button.clicked.connect(self.copy_number)
        self.sold_button.clicked.connect(lambda: self._emit(self.sold_requested))
        self.lost_button.clicked.connect(lambda: self._emit(self.lost_requested))
        self.release_button.clicked.connect(lambda: self._emit(self.release_requested))
        self.show_lead(None)

    def _button(self, text: str, name: str, role: str = "") -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setProperty("role", role)
        return button

    def _heading(self, text: str) -> QLabel:
        return QLabel(text, objectName="detail-heading")

    # -- API -------------------------------------------------------------------------------

    def lead_id(self) -> str | None:
        return self.view.id if self.view else None

    def show_lead(self, view: LeadView | None) -> None:
        """Show a lead (None: the empty hint). Called again with fresh data every poll."""
        same = view is not None and self.view is not None and view.id == self.view.id
        self.view = view
        self.empty.setVisible(view is None)
        self.body.setVisible(view is not None)
        if view is None:
            return
        now = self.clock.now()
        phone = view.phone
        self.name.setText(view.shown_name or view.id)
        self.status.setText(status_text(view))
        self.status.setProperty("overdue", view.overdue)
        self.status.style().polish(self.status)
        action = next_action(view, self.tz, now)
        if view.state == LeadState.LOST and view.lost_reason:
            action = self.tr("Lost: {reason}").format(reason=lost_reason_text(view.lost_reason))
        elif view.id in self.unrecorded:
            action = unrecorded_text(self.unrecorded[view.id], self.tz, now)
        self.next.setText(action)
        self.next.setVisible(bool(action))
        self.next.setProperty("overdue", view.overdue)
        self.next.style().polish(self.next)
        self.phone.setText(phone.shown or self.tr("no phone number"))
        self.email.setText(view.email or "—")
        self.car.setText(vehicle_text(view.vehicle) or "—")
        self.source.setText(view.source or "—")
        self.landed.setText(clock_time(view.received_at, self.tz, now))
        self.message.setText(view.message or "—")
        self._fill_log(view, now)
        if not same:  # don't reset the scroll position of a document being read
            self.original.setPlainText(_original_text(view))
        self._enable(view)
        if not same:
            self.lead_shown.emit(view.id)

    def set_pending(self, lead_id: str, pending: bool) -> None:
        """Sold, lost or release waits for its Undo: the lead can't be closed twice."""
        if pending:
            self.pending.add(lead_id)
        else:
            self.pending.discard(lead_id)
        if self.view is not None and self.view.id == lead_id:
            self._enable(self.view)

    def set_team_calls(self, lead_id: str, calls: tuple[AttemptView, ...]) -> None:
        """The team's calls on a lead: those a colleague made before show in the log."""
        earlier = tuple(c for c in calls if c.user and c.user != self.me)
        if self.earlier.get(lead_id, ()) == earlier:
            return
        self.earlier[lead_id] = earlier
        if self.view is not None and self.view.id == lead_id:
            self._fill_log(self.view, self.clock.now())

    def copy_number(self) -> None:
        if self.view is None:
            return
        phone = self.view.phone
        if phone.e164 or phone.raw:
            QGuiApplication.clipboard().setText(phone.e164 or phone.raw)

    # -- internals -------------------------------------------------------------------------

    def _fill_log(self, view: LeadView, now: datetime) -> None:
        earlier = self.earlier.get(view.id, ())
        rows = sorted((*earlier, *view.attempts), key=lambda a: a.at)
        self.log.setRowCount(len(rows))
        for r, attempt in enumerate(rows):
            by = self.tr("by {name}").format(name=attempt.user) if attempt in earlier else ""
            cells = (
                str(attempt.number),
                clock_time(attempt.at, self.tz, now),
                outcome_text(attempt.outcome),
                " · ".join(p for p in (by, attempt.note or "") if p),
            )
            for c, text in enumerate(cells):
                self.log.setItem(r, c, QTableWidgetItem(text))
        self.log.setVisible(bool(rows))
        self.log_empty.setVisible(not rows)
        height = self.log.horizontalHeader().height() + 4
        height += sum(self.log.rowHeight(r) for r in range(self.log.rowCount()))
        self.log.setMaximumHeight(max(height, 40))

    def _enable(self, view: LeadView) -> None:
        phone = view.phone
        is_open = view.is_open
        self.call_button.setEnabled(is_open and phone.tel_uri is not None)
        self.qr_button.setEnabled(phone.tel_uri is not None)
        self.copy_button.setEnabled(bool(phone.e164 or phone.raw))
        self.record_button.setEnabled(is_open)
        closing = is_open and view.id not in self.pending  # sold/lost/release held for Undo
        self.sold_button.setEnabled(closing)
        self.lost_button.setEnabled(closing)
        self.release_button.setEnabled(closing)
        self.snooze_button.setEnabled(is_open and view.next_due is not None)

    def _emit(self, signal: Signal) -> None:
        if self.view is not None:
            signal.emit(self.view.id)  # type: ignore[attr-defined]

    def _snooze(self, minutes: int) -> None:
        if self.view is not None:
            self.snooze_requested.emit(self.view.id, minutes)

    def _snooze_text(self, minutes: int) -> str:
        if minutes == 60:
            return self.tr("1 hour")
        if minutes % 60 == 0:
            return self.tr("{n} hours").format(n=minutes // 60)
        return self.tr("{n} minutes").format(n=minutes)

    def _opening(self) -> datetime | None:
        return opening_after_today(self.clock.now(), self.hours) if self.hours else None

    def _update_snooze_menu(self) -> None:
        """'Until opening, tomorrow 09:00': the time now, by the hours in force."""
        at = self._opening()
        self.opening_action.setVisible(at is not None)
        if at is not None:
            when = clock_time(at, self.tz, self.clock.now())
            self.opening_action.setText(self.tr("Until opening, {time}").format(time=when))

    def _snooze_to_opening(self) -> None:
        at = self._opening()
        if self.view is not None and at is not None:
            self.snooze_until_requested.emit(self.view.id, at)


def _original_text(view: LeadView) -> str:
    if view.original.strip():
        return view.original
    # No original kept (older leads): show the stored fields instead of nothing.
    fields: dict[str, object] = {
        "name": view.name or None,
        "phone_raw": view.phone.raw or None,
        "email": view.email,
        "message": view.message or None,
    }
    vehicle = view.vehicle
    if vehicle is not None:
        plain = vehicle.text and vehicle.to_json().keys() == {"text"}
        fields["vehicle"] = vehicle.text if plain else vehicle.to_json()
    return json.dumps(fields, ensure_ascii=False, indent=2)


def _line() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setObjectName("detail-line")
    return line
