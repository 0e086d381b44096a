"""About Leadpop: the version, and where this PC keeps its things, for IT support.

`AboutDialog.show_for(parent, info)` is the entry point (tests replace it). The shell
gathers the facts (`AboutInfo`) without I/O; "Copy details" puts them on the clipboard as
plain text for a support e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

COPIED_MS = 2_000


@dataclass(frozen=True)
class AboutInfo:
    version: str
    data_dir: str
    inbox: str
    log_file: str | None  # None: no log file (the folder wasn't writable)
    settings_file: str
    it_files: tuple[str, ...] = ()  # the leadpop.toml files that were read
    locked: tuple[str, ...] = ()  # settings IT locked


def action_text() -> str:
    """The menu text that opens this dialog (translated with the dialog's strings)."""
    return QCoreApplication.translate("AboutDialog", "About Leadpop")


class AboutDialog(QDialog):
    def __init__(
        self, info: AboutInfo, parent: QWidget | None = None, icon: QIcon | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.info = info
        self.setWindowTitle(self.tr("About Leadpop"))

        logo = QLabel(objectName="about-logo")
        if icon is not None and not icon.isNull():
            logo.setPixmap(icon.pixmap(64, 64))
        name = QLabel("Leadpop", objectName="about-name")
        version = QLabel(
            self.tr("Version {version}").format(version=info.version), objectName="about-version"
        )
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QLabel(
            self.tr("A new online lead pops up at once, with a two-minute countdown."),
            objectName="about-tagline",
        )
        # One line: a wrapped label's height is guessed at the wrong width here, leaving a gap.
        titles = QVBoxLayout()
        titles.setSpacing(2)
        for label in (name, version, tagline):
            titles.addWidget(label)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(titles, 1)

        self.rows = [(label, value) for label, value in self._facts()]
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.values: list[QLabel] = []
        for label, value in self.rows:
            field = QLabel(value, objectName="about-value")
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label, objectName="about-caption")
            form.addRow(caption, field)
            self.values.append(field)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setIcon(QIcon())
        self.copy_button = QPushButton(self.tr("Copy details"), objectName="about-copy")
        self.copy_button.setToolTip(self.tr("For an e-mail to IT support"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        self._copied = QTimer(self, objectName="about-copied", singleShot=True)
        self._copied.timeout.connect(lambda: self.copy_button.setText(self.tr("Copy details")))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.setStyleSheet(_QSS)

    def _facts(self) -> list[tuple[str, str]]:
        i = self.info
        locked = ", ".join(map(self._setting, i.locked))
        return [
            (self.tr("Data folder"), i.data_dir),
            (self.tr("Lead inbox"), i.inbox),
            (self.tr("Log file"), i.log_file or self.tr("none (the folder can't be written)")),
            (self.tr("Your settings"), i.settings_file),
            (self.tr("IT settings"), "\n".join(i.it_files) or self.tr("none (no leadpop.toml)")),
            *([(self.tr("Set by IT"), locked)] if locked else []),
        ]

    def _setting(self, key: str) -> str:
        """A leadpop.toml key as the settings dialog names it."""
        names = {
            "inbox": self.tr("Lead inbox"),
            "hours": self.tr("Opening hours"),
            "timezone": self.tr("Time zone"),
            "region": self.tr("Phone numbers from"),
            "second_after_min": self.tr("Call attempt 2"),
            "third_after_min": self.tr("Call attempt 3"),
            "language": self.tr("Language"),
        }
        return names.get(key, key)

    def text(self) -> str:
        """The facts as plain text, one per line."""
        lines = [f"Leadpop {self.info.version}"]
        lines += [f"{label}: {value}".replace("\n", "; ") for label, value in self.rows]
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))
        self._copied.start(COPIED_MS)

    def hideEvent(self, event: QHideEvent) -> None:
        self._copied.stop()  # closed within two seconds of copying
        super().hideEvent(event)

    @classmethod
    def show_for(cls, parent: QWidget | None, info: AboutInfo, icon: QIcon | None = None) -> None:
        """Show it until closed. Tests replace this."""
        dialog = cls(info, parent, icon)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


_QSS = """
QDialog, QLabel, QPushButton { font-size: 15px; color: #0f172a; }
#about-name { font-size: 26px; font-weight: 700; }
#about-version { color: #334155; font-weight: 600; }
#about-tagline { color: #475569; }
#about-caption { color: #475569; font-weight: 600; }
#about-value { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 14px; }
QPushButton { padding: 6px 18px; }
"""
