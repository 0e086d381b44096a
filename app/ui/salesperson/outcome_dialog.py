"""The call outcome prompt: one click (or one key, 1–7) records the outcome.

The number and the customer's question stay in view while it asks. "Appointment made"
asks when (tomorrow by default) before it is recorded. The dialog is a window of its own
(no parent widget), placed over the window that asked: it looks the same whether the
alert or the main window opened it, because no parent's style sheet reaches it.

The caller records it: `desk.record_call(view.id, c.outcome, c.note, lost_reason=c.lost_reason)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.cadence import MAX_ATTEMPTS
from app.engine.views import LeadView
from app.ui.common.lead_format import appointment_note

# Lost reasons the dialog can set; a lead closed for one of these gets no more reminders.
NOT_INTERESTED = "not_interested"
WRONG_NUMBER = "wrong_number"
APPOINTMENT_HOUR = 10  # tomorrow at 10:00 unless the salesperson picks another time


@dataclass(frozen=True)
class OutcomeChoice:
    outcome: str  # one of app.core.events.OUTCOMES
    note: str | None = None
    lost_reason: str | None = None  # set: the lead is closed as lost
    appointment_at: datetime | None = None  # "Appointment made": when


def default_appointment(now: datetime, tz: tzinfo) -> datetime:
    """Tomorrow at 10:00 in the dealership's time zone."""
    day = now.astimezone(tz).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, APPOINTMENT_HOUR, tzinfo=tz)


class OutcomeDialog(QDialog):
    def __init__(
        self,
        view: LeadView,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(None)  # never a child: see the module docstring
        self.setObjectName("OutcomeDialog")
        self._over = parent
        # Above the always-on-top alert, whichever window asked.
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(True)
        self.view = view
        self.choice: OutcomeChoice | None = None
        now = now or datetime.now().astimezone()
        self.tz = tz or now.tzinfo
        name = view.shown_name
        self.setWindowTitle(self.tr("Call outcome — {name}").format(name=name))

        title = QLabel(name, objectName="outcome-name")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        number = len(view.attempts) + 1  # the attempt being recorded
        attempt = (
            self.tr("Attempt {n} of {total}").format(n=number, total=MAX_ATTEMPTS)
            if number <= MAX_ATTEMPTS
            else self.tr("Attempt {n}").format(n=number)
        )
        self.attempt_label = QLabel(attempt, objectName="outcome-attempt")
        # The number stays in view while the outcome is asked (dialling by hand).
        self.phone = QLabel(view.phone.shown, objectName="outcome-phone")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone.setVisible(bool(view.phone.shown) and view.phone.shown != name)
        question = " ".join(view.message.split())
        self.question = QLabel(f"“{question}”" if question else "", objectName="outcome-question")
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        self.question.setVisible(bool(question))
        self.note = QLineEdit(objectName="outcome-note")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setClearButtonEnabled(True)

        reached = [
            (self.tr("Appointment made"), OutcomeChoice("appointment"), "good"),
            (self.tr("Reached, no appointment"), OutcomeChoice("reached"), ""),
            (self.tr("Not interested"), OutcomeChoice("reached", lost_reason=NOT_INTERESTED), ""),
        ]
        not_reached = [
            (self.tr("Voicemail"), OutcomeChoice("voicemail"), ""),
            (self.tr("No answer"), OutcomeChoice("no_answer"), ""),
            (self.tr("Busy"), OutcomeChoice("busy"), ""),
            # Follow-up on a wrong number is pointless: it closes the lead.
            (self.tr("Wrong number"), OutcomeChoice("wrong_number", lost_reason=WRONG_NUMBER), ""),
        ]
        self.buttons: dict[str, QPushButton] = {}
        self.keys: dict[int, QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        key = 0
        for col, (heading, items) in enumerate(
            ((self.tr("Reached"), reached), (self.tr("Not reached"), not_reached))
        ):
            grid.addWidget(QLabel(heading, objectName="outcome-group"), 0, col)
            for row, (text, choice, kind) in enumerate(items, start=1):
                key += 1
                button = QPushButton(f"{key}   {text}")
                button.setObjectName(f"outcome-{choice.lost_reason or choice.outcome}")
                button.setProperty("kind", kind)
                button.setAutoDefault(False)  # Enter in the note field must not pick an outcome
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.clicked.connect(lambda _=False, c=choice: self._pick(c))
                grid.addWidget(button, row, col)
                self.buttons[button.objectName().removeprefix("outcome-")] = button
                self.keys[Qt.Key.Key_0 + key] = button
        grid.setRowStretch(len(not_reached) + 1, 1)

        # "Appointment made": when? Shown in place of the outcomes, default tomorrow 10:00.
        self.when = QDateTimeEdit(objectName="outcome-when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setTimeZone(_qt_zone(self.tz))
        self.when.setDateTime(_qt_time(default_appointment(now, self.tz)))
        self.save_when = QPushButton(self.tr("Save appointment"), objectName="outcome-save-when")
        self.save_when.setProperty("kind", "good")
        self.save_when.setDefault(True)
        self.save_when.clicked.connect(self._save_appointment)
        when_row = QHBoxLayout()
        when_row.addWidget(QLabel(self.tr("Appointment on"), objectName="outcome-group"))
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.save_when)
        self.when_box = QWidget(objectName="outcome-when-box")
        self.when_box.setLayout(when_row)
        self.when_box.hide()

        cancel = QPushButton(self.tr("Later"), objectName="outcome-cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        hint = QLabel(self.tr("Keys 1–7 pick an outcome · Esc: later"), objectName="outcome-hint")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(cancel)

        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.attempt_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.phone)
        layout.addWidget(self.question)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        layout.addWidget(self.when_box)
        layout.addLayout(bottom)
        self.setMinimumWidth(760)
        self.setStyleSheet(_QSS)
        self.setFocus()  # keys 1–7 work at once; click the note field to type

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        view: LeadView,
        *,
        now: datetime | None = None,
        tz: tzinfo | None = None,
    ) -> OutcomeChoice | None:
        """Show the prompt modally; None when put off ("Later" / Esc). Tests replace this."""
        dialog = cls(view, parent, now=now, tz=tz)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        over = self._over.window() if self._over is not None else None
        if over is not None and over.isVisible():  # centred over the window that asked
            frame = self.frameGeometry()
            frame.moveCenter(over.frameGeometry().center())
            self.move(frame.topLeft())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        button = self.keys.get(event.key())
        typing = self.note.hasFocus() or self.when_box.isVisible()
        if button is not None and not typing and not event.isAutoRepeat():
            button.click()
            return
        super().keyPressEvent(event)

    def _pick(self, choice: OutcomeChoice) -> None:
        note = self.note.text().strip() or None
        if choice.outcome == "appointment":
            self._pending = OutcomeChoice(choice.outcome, note, choice.lost_reason)
            for button in self.buttons.values():
                button.setEnabled(False)
            self.when_box.show()
            self.when.setFocus()
            return
        self.choice = OutcomeChoice(choice.outcome, note, choice.lost_reason)
        self.accept()

    def _save_appointment(self) -> None:
        at = self.when.dateTime().toPython()
        if at.tzinfo is None:
            at = at.replace(tzinfo=self.tz)
        note = self.note.text().strip() or None
        full = appointment_note(at, self.tz, note)
        self.choice = OutcomeChoice("appointment", full, None, at)
        self.accept()


def _qt_zone(tz: tzinfo | None) -> QTimeZone:
    key = getattr(tz, "key", None)
    if key:
        zone = QTimeZone(key.encode())
        if zone.isValid():
            return zone
    return QTimeZone.systemTimeZone()


def _qt_time(at: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()), _qt_zone(at.tzinfo))


_QSS = """
#OutcomeDialog { background: #f8fafc; }
QLabel {
    color: #0f172a; font-size: 18px; font-weight: 400; font-family: "DejaVu Sans", "Segoe UI";
}
#outcome-name { font-size: 26px; font-weight: 700; }
#outcome-attempt { font-size: 20px; font-weight: 600; color: #334155; }
#outcome-phone { font-size: 30px; font-weight: 700; }
#outcome-question {
    font-size: 17px; color: #334155; background: #eef2f7; border-left: 4px solid #64748b;
    padding: 8px 12px;
}
#outcome-group { font-size: 16px; font-weight: 700; color: #475569; }
#outcome-hint { font-size: 14px; color: #64748b; }
QLineEdit, QDateTimeEdit {
    font-size: 18px; font-weight: 400; padding: 8px 10px; border: 1px solid #94a3b8;
    border-radius: 8px; background: white; color: #0f172a;
}
QPushButton {
    font-size: 20px; font-weight: 400; min-height: 52px; padding: 6px 18px; text-align: left;
    background: white; color: #0f172a; border: 1px solid #94a3b8; border-radius: 10px;
}
QPushButton:hover { background: #e2e8f0; }
QPushButton:disabled { color: #94a3b8; border-color: #cbd5e1; }
QPushButton[kind="good"] { background: #15803d; color: white; border: none; font-weight: 700; }
QPushButton[kind="good"]:hover { background: #166534; }
QPushButton[kind="good"]:disabled { background: #86b898; }
#outcome-cancel {
    min-height: 40px; text-align: center; border: none; background: transparent; color: #334155;
}
"""
