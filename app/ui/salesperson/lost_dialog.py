"""Mark lost: pick the reason (it goes into the activity log and the manager's figures)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.lead_format import LOST_REASONS, lost_reason_text


class LostReasonDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LostReasonDialog")
        self.setWindowTitle(self.tr("Mark lost — {name}").format(name=name))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Why was this lead lost?")))
        self.group = QButtonGroup(self)
        for i, reason in enumerate(LOST_REASONS):
            button = QRadioButton(lost_reason_text(reason), objectName=f"lost-{reason}")
            button.setProperty("reason", reason)
            self.group.addButton(button, i)
            layout.addWidget(button)
        self.group.buttons()[0].setChecked(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark lost"))
        for button in box.buttons():
            button.setIcon(QIcon())
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def reason(self) -> str:
        return str(self.group.checkedButton().property("reason"))

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str | None:
        """The chosen reason, or None when cancelled. Tests replace this."""
        dialog = cls(name, parent)
        try:
            return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
