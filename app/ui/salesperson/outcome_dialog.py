"""The call outcome prompt: one click on an outcome records it (two with a note).

The caller records it: `desk.record_call(view.id, c.outcome, c.note, lost_reason=c.lost_reason)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

# Lost reasons the dialog can set; a lead closed for one of these gets no more reminders.
NOT_INTERESTED = "not_interested"
WRONG_NUMBER = "wrong_number"


@dataclass(frozen=True)
class OutcomeChoice:
    outcome: str  # one of app.core.events.OUTCOMES
    note: str | None = None
    lost_reason: str | None = None  # set: the lead is closed as lost


class OutcomeDialog(QDialog):
    def __init__(self, view: LeadView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutcomeDialog")
        # Above the always-on-top alert, whichever window the shell passes as parent.
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(True)
        self.view = view
        self.choice: OutcomeChoice | None = None
        name = view.shown_name
        self.setWindowTitle(self.tr("Call outcome — {name}").format(name=name))

        title = QLabel(name, objectName="outcome-name")
        number = len(view.attempts) + 1  # the attempt being recorded
        attempt = (
            self.tr("Attempt {n} of {total}").format(n=number, total=MAX_ATTEMPTS)
            if number <= MAX_ATTEMPTS
            else self.tr("Attempt {n}").format(n=number)
        )
        self.attempt_label = QLabel(attempt, objectName="outcome-attempt")
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
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for col, (heading, items) in enumerate(
            ((self.tr("Reached"), reached), (self.tr("Not reached"), not_reached))
        ):
            grid.addWidget(QLabel(heading, objectName="outcome-group"), 0, col)
            for row, (text, choice, kind) in enumerate(items, start=1):
                button = QPushButton(text)
                button.setObjectName(f"outcome-{choice.lost_reason or choice.outcome}")
                button.setProperty("kind", kind)
                button.setAutoDefault(False)  # Enter in the note field must not pick an outcome
                button.clicked.connect(lambda _=False, c=choice: self._pick(c))
                grid.addWidget(button, row, col)
                self.buttons[button.objectName().removeprefix("outcome-")] = button
        grid.setRowStretch(len(not_reached) + 1, 1)

        cancel = QPushButton(self.tr("Later"), objectName="outcome-cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(cancel)

        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.attempt_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        layout.addLayout(bottom)
        self.setMinimumWidth(760)
        self.setStyleSheet(_QSS)

    @classmethod
    def ask(cls, parent: QWidget | None, view: LeadView) -> OutcomeChoice | None:
        """Show the prompt modally; None when put off ("Later" / Esc). Tests replace this."""
        dialog = cls(view, parent)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()

    def _pick(self, choice: OutcomeChoice) -> None:
        note = self.note.text().strip() or None
        self.choice = OutcomeChoice(choice.outcome, note, choice.lost_reason)
        self.accept()


_QSS = """
#OutcomeDialog { background: #f8fafc; }
QLabel { color: #0f172a; font-size: 18px; }
#outcome-name { font-size: 26px; font-weight: 700; }
#outcome-attempt { font-size: 20px; font-weight: 600; color: #334155; }
#outcome-group { font-size: 16px; font-weight: 700; color: #475569; }
QLineEdit {
    font-size: 18px; padding: 8px 10px; border: 1px solid #94a3b8; border-radius: 8px;
    background: white; color: #0f172a;
}
QPushButton {
    font-size: 20px; min-height: 52px; padding: 6px 18px; text-align: left;
    background: white; color: #0f172a; border: 1px solid #94a3b8; border-radius: 10px;
}
QPushButton:hover { background: #e2e8f0; }
QPushButton[kind="good"] { background: #15803d; color: white; border: none; font-weight: 700; }
QPushButton[kind="good"]:hover { background: #166534; }
#outcome-cancel {
    min-height: 40px; text-align: center; border: none; background: transparent; color: #334155;
}
"""
