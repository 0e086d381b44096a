"""The tray icon: Open, availability (for how long: the same menus as the toolbar's),
Quit. Only where a tray exists.

GNOME on Wayland and a bare Xvfb have no tray; then `Tray.icon` is None and the shell
makes closing the main window quit (else Leadpop would be running but unreachable).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class Tray(QObject):
    open_requested = Signal()
    message_clicked = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        icon: QIcon,
        availability: list[QAction | QMenu],
        *,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if not available():
            return
        self.menu = QMenu()
        self.menu.setObjectName("tray-menu")
        open_action = self.menu.addAction(self.tr("Open Leadpop"))
        open_action.triggered.connect(self.open_requested)
        self.menu.addSeparator()
        for item in availability:
            if isinstance(item, QMenu):
                self.menu.addMenu(item)
            else:
                self.menu.addAction(item)
        self.menu.addSeparator()
        quit_action = self.menu.addAction(self.tr("Quit"))
        quit_action.triggered.connect(self.quit_requested)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setObjectName("tray-icon")
        self.icon.setToolTip("Leadpop")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.message_clicked)
        self.icon.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    @property
    def present(self) -> bool:
        return self.icon is not None and self.icon.isVisible()

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
