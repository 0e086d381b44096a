"""First start: who is this PC's salesperson? The name is what colleagues see ("Taken by …")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import Role


class FirstRunDialog(QDialog):
    def __init__(self, default_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Leadpop"))
        title = QLabel(self.tr("Welcome to Leadpop"), objectName="first-title")
        intro = QLabel(
            self.tr(
                "New online leads will pop up on this PC with a two-minute countdown. "
                "Who works here? Your colleagues see this name when you take a lead."
            ),
            objectName="first-intro",
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(default_name, objectName="first-name")
        self.name.setPlaceholderText(self.tr("e.g. Piet de Vries"))
        self.name.selectAll()
        self.role = QComboBox(objectName="first-role")
        self.role.addItem(self.tr("Salesperson"), Role.SALESPERSON)
        self.role.addItem(self.tr("Sales manager"), Role.MANAGER)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Your role"), self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Start"))
        self.ok.setIcon(QIcon())
        self.buttons.accepted.connect(self.accept)
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(bool(default_name.strip()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(560)
        self.setStyleSheet(_QSS)

    def result_value(self) -> tuple[str, str]:
        return self.name.text().strip(), str(self.role.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, default_name: str) -> tuple[str, str] | None:
        """(name, role), or None when closed without an answer. Tests replace this."""
        dialog = cls(default_name, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_value()
            return None
        finally:
            dialog.deleteLater()


_QSS = """
QDialog { font-size: 16px; }
QLabel, QLineEdit, QComboBox, QPushButton { font-size: 16px; }
#first-title { font-size: 26px; font-weight: 700; color: #0f172a; }
#first-intro { color: #334155; }
QLineEdit, QComboBox { padding: 6px 8px; min-height: 28px; }
QPushButton { padding: 8px 24px; min-height: 28px; }
"""
