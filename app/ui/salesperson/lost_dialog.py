"""Mark lost: pick the reason (it goes into the activity log and the manager's figures).

Nothing is chosen beforehand (a reason picked by default is a reason nobody gave). "No
response after three attempts" is offered only once three calls were made. "Other
reason" asks for a few words, stored as `other: <words>`. Styled like the outcome prompt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.cadence import MAX_ATTEMPTS
from app.engine.views import LeadView
from app.ui.common.lead_format import LOST_REASONS, lost_reason_text

OTHER = "other"
NO_RESPONSE = "no_response"


def reasons_for(view: LeadView) -> list[str]:
    """The reasons that make sense for this lead."""
    return [r for r in LOST_REASONS if r != NO_RESPONSE or len(view.attempts) >= MAX_ATTEMPTS]


class LostReasonDialog(QDialog):
    def __init__(self, view: LeadView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LostReasonDialog")
        self.setWindowTitle(self.tr("Mark lost"))  # short: the name is in the dialog
        self.setMinimumWidth(520)
        name = QLabel(view.shown_name, objectName="lost-name")
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(name)
        layout.addWidget(QLabel(self.tr("Why was this lead lost?"), objectName="lost-question"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for i, reason in enumerate(reasons_for(view)):
            button = QRadioButton(lost_reason_text(reason), objectName=f"lost-{reason}")
            button.setProperty("reason", reason)
            self.group.addButton(button, i)
            layout.addWidget(button)
        self.other = QLineEdit(objectName="lost-other-text")
        self.other.setPlaceholderText(self.tr("What happened?"))
        self.other.setEnabled(False)
        self.other.textChanged.connect(self._enable)
        layout.addWidget(self.other)
        self.ok = QPushButton(self.tr("Mark lost"), objectName="lost-ok")
        self.ok.setProperty("kind", "bad")
        self.ok.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), objectName="lost-cancel")
        self.ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.ok)
        layout.addLayout(row)
        self.group.buttonToggled.connect(lambda *_: self._enable())
        self._enable()
        self.setStyleSheet(_QSS)

    def reason(self) -> str | None:
        """The chosen reason code; "other: <words>" for Other; None while none is chosen."""
        button = self.group.checkedButton()
        if button is None:
            return None
        reason = str(button.property("reason"))
        if reason == OTHER:
            words = " ".join(self.other.text().split())
            return f"{OTHER}: {words}" if words else None
        return reason

    def _enable(self) -> None:
        button = self.group.checkedButton()
        other = button is not None and button.property("reason") == OTHER
        self.other.setEnabled(other)
        if other:
            self.other.setFocus()
        self.ok.setEnabled(self.reason() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, view: LeadView) -> str | None:
        """The chosen reason, or None when cancelled. Tests replace this."""
        dialog = cls(view, parent)
        try:
            return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


_QSS = """
#LostReasonDialog { background: #f8fafc; }
QLabel, QRadioButton { color: #0f172a; font-size: 18px; font-weight: 400; }
#lost-name { font-size: 26px; font-weight: 700; }
#lost-question { font-size: 16px; font-weight: 700; color: #475569; padding-top: 4px; }
QRadioButton { padding: 6px 0; }
QLineEdit {
    font-size: 18px; padding: 8px 10px; border: 1px solid #94a3b8; border-radius: 8px;
    background: white; color: #0f172a;
}
QLineEdit:disabled { background: #f1f5f9; border-color: #cbd5e1; }
QPushButton {
    font-size: 18px; min-height: 44px; padding: 6px 22px; background: white; color: #0f172a;
    border: 1px solid #94a3b8; border-radius: 10px;
}
QPushButton:hover { background: #e2e8f0; }
QPushButton[kind="bad"] { background: #b91c1c; color: white; border: none; font-weight: 700; }
QPushButton[kind="bad"]:disabled { background: #e5a3a3; }
"""
