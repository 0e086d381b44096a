"""`leadpop` without a command: the desktop app.

run(): QApplication, one instance per data directory, the shell (worker thread, main
window, alert, tray), and a clean quit that stops and joins the worker thread.
LEADPOP_QUIT_AFTER_MS=N quits after N ms (smoke tests, the packaging step).
"""

from __future__ import annotations

import logging
import os
import signal
import sys

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.core.clock import SystemClock
from app.settings.config import Config
from app.ui.icons import app_icon
from app.ui.shell import Shell
from app.ui.single_instance import SingleInstance

ENV_QUIT_AFTER = "LEADPOP_QUIT_AFTER_MS"


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    """Qt's own messages (multimedia backends, fonts, the platform plugin) go to the log
    file; only errors reach the terminal (app.system.logs)."""
    name = f"qt.{context.category}" if context.category else "qt"
    logging.getLogger(name).log(_QT_LEVELS.get(kind, logging.WARNING), "%s", text)


def run(cfg: Config, demo: bool = False, lang: str | None = None) -> int:
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Leadpop")
    app.setApplicationDisplayName("Leadpop")
    app.setDesktopFileName("leadpop")
    app.setWindowIcon(app_icon())
    # The main window hides to the tray and the alert comes and goes: we quit explicitly.
    app.setQuitOnLastWindowClosed(False)

    instance = SingleInstance(cfg.data_dir)
    if not instance.acquire():
        print("Leadpop is already running for this data folder; brought it to the front.")
        return 0

    shell = Shell(cfg, SystemClock(), demo=demo, lang=lang, install_translations=True)
    instance.raise_requested.connect(shell.bring_to_front)

    def quit_app() -> None:
        # Qt 6's quit() first asks every window to close: the main window must not then
        # hide to the tray or ask "Quit?" again.
        shell.prepare_quit()
        app.quit()

    shell.quit_requested.connect(quit_app)

    timers = []
    quit_after = os.environ.get(ENV_QUIT_AFTER, "")
    if quit_after.isdigit():
        timer = QTimer(app, objectName="quit-after", singleShot=True)
        timer.timeout.connect(quit_app)
        timer.start(int(quit_after))
        timers.append(timer)
    # Ctrl+C in a terminal: Python's handler only runs when Python code does.
    signal.signal(signal.SIGINT, lambda *_: quit_app())
    wake = QTimer(app, objectName="sigint-wake", interval=500)
    wake.timeout.connect(lambda: None)
    wake.start()
    timers.append(wake)

    shell.start()
    try:
        return app.exec()
    finally:
        for timer in timers:
            timer.stop()
        shell.shutdown()
        instance.release()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
