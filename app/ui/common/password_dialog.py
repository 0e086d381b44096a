"""Asks for the shared mailbox's password once; the worker keeps it in the OS keyring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PasswordDialog(QDialog):
    def __init__(self, user: str, host: str, rejected: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PasswordDialog")
        self.setWindowTitle(self.tr("Mailbox password"))
        layout = QVBoxLayout(self)
        intro = self.tr("Leadpop reads new leads from the mailbox {user} on {host}.").format(
            user=user, host=host
        )
        if rejected:
            intro += "\n" + self.tr("The mail server refused the password. Enter it again.")
        text = QLabel(
            intro
            + "\n"
            + self.tr("The password is kept in this computer's password store, never in a file.")
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.field = QLineEdit(objectName="password-field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Password"))
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.field.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t)))
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, parent: QWidget | None, user: str, host: str, rejected: bool) -> str | None:
        """The entry point tests replace: the password, or None when cancelled."""
        dialog = cls(user, host, rejected, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text() or None
