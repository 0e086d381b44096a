"""Reminder notifications: tray message, then plyer, then an in-app banner.

Each link checks that it can work and the last one always does.
There may be no tray at all (GNOME on Wayland, Xvfb) and plyer raises
NotImplementedError where it has no backend, so a failure is logged and the next link
tried; none is fatal.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QWidget

log = logging.getLogger(__name__)

ENV_NO_DESKTOP_NOTIFY = "LEADPOP_NO_DESKTOP_NOTIFY"  # "1": skip plyer (tests, kiosks)
TRAY_MESSAGE_MS = 15_000


def plyer_notify(title: str, text: str) -> None:
    """The OS notification through plyer; raises when there is no backend."""
    from plyer import notification  # imported late: plyer picks its backend on first use

    notification.notify(title=title, message=text, app_name="Leadpop", timeout=15)


class Notifier:
    """`notify(title, text)` returns the channel that took it: "tray", "plyer" or "banner"."""

    def __init__(
        self,
        tray: QSystemTrayIcon | None,
        banner: Callable[[str, str], None],
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        desktop_notify: Callable[[str, str], None] = plyer_notify,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.tray = tray
        self.banner = banner
        self._tray_available = tray_available
        self._desktop_notify = desktop_notify
        self._env = os.environ if env is None else env
        self._last_failure: dict[str, str] = {}  # channel -> reason, so a repeat logs quietly

    def notify(self, title: str, text: str) -> str:
        if self._try_tray(title, text):
            return "tray"
        if self._try_plyer(title, text):
            return "plyer"
        self.banner(title, text)  # in-app: always works
        return "banner"

    def _try_tray(self, title: str, text: str) -> bool:
        if self.tray is None:
            self._failed("tray", "no tray icon")
            return False
        try:
            if not self._tray_available():
                self._failed("tray", "no system tray on this desktop")
                return False
            if not self.tray.isVisible():
                self._failed("tray", "tray icon not shown")
                return False
            self.tray.showMessage(
                title, text, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
            )
        except Exception as exc:
            self._failed("tray", repr(exc))
            return False
        self._last_failure.pop("tray", None)
        return True

    def _try_plyer(self, title: str, text: str) -> bool:
        if self._env.get(ENV_NO_DESKTOP_NOTIFY, "") not in ("", "0"):
            log.debug("desktop notifications switched off (%s)", ENV_NO_DESKTOP_NOTIFY)
            return False
        try:
            self._desktop_notify(title, text)
        except NotImplementedError:
            self._failed("plyer", "no notification backend on this system")
            return False
        except Exception as exc:  # plyer's backends raise whatever their OS call raises
            self._failed("plyer", repr(exc))
            return False
        self._last_failure.pop("plyer", None)
        return True

    def _failed(self, channel: str, reason: str) -> None:
        """Warn once per reason; reminders repeat every 5 minutes and must not flood the log."""
        if self._last_failure.get(channel) == reason:
            log.debug("%s notification unavailable: %s", channel, reason)
            return
        self._last_failure[channel] = reason
        log.warning("%s notification unavailable: %s; trying the next way", channel, reason)


class Banner(QWidget):
    """The in-app banner: a strip the shell puts on top of the main window."""

    open_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title_label = QLabel(objectName="banner-title")
        self.text_label = QLabel(objectName="banner-text")
        self.text_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"), objectName="banner-open")
        self.close_button = QPushButton("×", objectName="banner-close")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 10, 10)
        row.addWidget(self.title_label)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self._dismiss)
        self.setStyleSheet(_BANNER_QSS)
        self.hide()

    def show_message(self, title: str, text: str) -> None:
        """Usable as the Notifier's `banner`; the newest reminder replaces the last."""
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.show()

    def _open(self) -> None:
        self.hide()
        self.open_requested.emit()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


_BANNER_QSS = """
#Banner { background: #fef3c7; border-bottom: 2px solid #d97706; }
#banner-title { font-weight: 700; color: #451a03; font-size: 15px; }
#banner-text { color: #451a03; font-size: 15px; }
#banner-open {
    font-size: 15px; font-weight: 600; padding: 4px 16px; color: white;
    background: #b45309; border: none; border-radius: 6px;
}
#banner-close { font-size: 20px; border: none; background: transparent; color: #451a03; }
"""
