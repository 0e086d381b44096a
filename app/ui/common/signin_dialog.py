"""Signing in to a Microsoft 365, Google or OpenID mailbox (OAuth), and who is signed in.

`SignInDialog.sign_in(parent, cfg)` is the entry point (tests replace it): the system
browser, or a code shown large to type in on a phone or another PC. `SignInSection` sits in
the settings: who is signed in on this PC, with Sign in… and Sign out.

Both reach the mailbox only through the engine (app.engine.session), and every call that
goes to the network or the keyring runs on a thread of its own: the GUI thread never waits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.engine import session
from app.settings.config import Config


class Background(QObject):
    """Runs one blocking call on a Python thread; the answer comes back by signal."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self, call: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                result = call()
            except session.InboxError as exc:  # one line, for the person and for IT
                outcome: tuple[Signal, object] = (self.failed, str(exc))
            except Exception as exc:  # a library's own error: still one line, not a crash
                outcome = (self.failed, f"{type(exc).__name__}: {exc}")
            else:
                outcome = (self.done, result)
            with suppress(RuntimeError):  # the dialog was closed (and deleted) meanwhile
                outcome[0].emit(outcome[1])  # type: ignore[attr-defined]

        self._thread = threading.Thread(target=run, name="leadpop-signin", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def join(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


class SignInDialog(QDialog):
    """The browser or the device code; the code large, readable from across the desk."""

    code_shown = Signal(object)  # SignInCode, from the sign-in thread

    def __init__(self, cfg: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignInDialog")
        self.setWindowTitle(self.tr("Sign in to the mailbox"))
        self.cfg = cfg
        self.account: str | None = None
        self._cancel = threading.Event()
        self._task = Background(self)
        self._task.done.connect(self._signed_in)
        self._task.failed.connect(self._failed)
        self.code_shown.connect(self._show_code)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Leadpop reads new leads from the shared mailbox. Sign in once on this PC "
                "with the account that has access to it. The sign-in is kept in this "
                "computer's password store, never in a file."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.browser_button = QPushButton(
            self.tr("Sign in with the browser"), objectName="signin-browser"
        )
        self.code_button = QPushButton(
            self.tr("Sign in with a code"), objectName="signin-code-button"
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="signin-cancel")
        self.browser_button.clicked.connect(lambda: self._start(device=False))
        self.code_button.clicked.connect(lambda: self._start(device=True))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.browser_button, self.code_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.code = QLabel(objectName="signin-code")
        font = QFont(self.code.font())
        font.setPointSize(max(28, font.pointSize() * 3))
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.hide()
        layout.addWidget(self.code)
        self.status = QLabel(objectName="signin-status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.setMinimumWidth(480)

    def _start(self, *, device: bool) -> None:
        self.browser_button.setEnabled(False)
        self.code_button.setEnabled(False)
        self.code.hide()
        self.status.setText(
            self.tr("Asking for a code…")
            if device
            else self.tr("Finish signing in in the browser…")
        )
        self._cancel.clear()
        cfg, cancel = self.cfg, self._cancel
        self._task.start(
            lambda: session.sign_in(
                cfg, device=device, show_code=self.code_shown.emit, cancel=cancel
            )
        )

    @Slot(object)
    def _show_code(self, code: session.SignInCode) -> None:
        self.code.setText(code.user_code)
        self.code.show()
        self.status.setText(
            self.tr("Open {address} on a phone or another PC and enter this code.").format(
                address=code.verification_uri
            )
        )

    @Slot(object)
    def _signed_in(self, account: object) -> None:
        self.account = str(account)
        self.accept()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.code.hide()
        self.status.setText(message)
        self.browser_button.setEnabled(True)
        self.code_button.setEnabled(True)

    def done(self, result: int) -> None:  # accept, reject and closing all come here
        self._cancel.set()  # the sign-in thread stops waiting for the person
        self._task.join()
        super().done(result)

    @classmethod
    def sign_in(cls, parent: QWidget | None, cfg: Config) -> str | None:
        """The entry point tests replace: the account that signed in, or None."""
        dialog = cls(cfg, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.account


class SignInSection(QWidget):
    """In the settings: who is signed in to the mailbox on this PC; Sign in… / Sign out."""

    def __init__(self, cfg: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signin-section")
        self.cfg = cfg
        self.account: str | None = None
        self.who = QLabel(self.tr("Looking…"), objectName="signin-who")
        self.who.setWordWrap(True)
        self.sign_in_button = QPushButton(self.tr("Sign in…"), objectName="signin-sign-in")
        self.sign_out_button = QPushButton(self.tr("Sign out"), objectName="signin-sign-out")
        self.sign_in_button.clicked.connect(self._sign_in)
        self.sign_out_button.clicked.connect(self._sign_out)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.who, 1)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.sign_out_button)
        self._task = Background(self)
        self._task.done.connect(self._show)
        self._task.failed.connect(self._problem)
        self._look()

    def _look(self) -> None:
        self.sign_in_button.setEnabled(False)
        self.sign_out_button.setEnabled(False)
        cfg = self.cfg
        self._task.start(lambda: session.signed_in_as(cfg))  # the keyring: not on this thread

    @Slot(object)
    def _show(self, account: object) -> None:
        self.account = account if isinstance(account, str) else None
        if self.account:
            self.who.setText(self.tr("Signed in as {account}").format(account=self.account))
        else:
            self.who.setText(self.tr("Nobody has signed in on this PC"))
        self.sign_in_button.setEnabled(True)
        self.sign_out_button.setEnabled(bool(self.account))

    @Slot(str)
    def _problem(self, message: str) -> None:
        self.who.setText(message)
        self.sign_in_button.setEnabled(True)

    def _sign_in(self) -> None:
        account = SignInDialog.sign_in(self, self.cfg)
        if account:
            self._show(account)
            self.who.setText(
                self.tr("Signed in as {account}. Press OK to connect.").format(account=account)
            )

    def _sign_out(self) -> None:
        self.sign_in_button.setEnabled(False)
        self.sign_out_button.setEnabled(False)
        cfg = self.cfg
        self._task.start(lambda: (session.sign_out(cfg), None)[1])

    def hideEvent(self, event: Any) -> None:  # the settings dialog closes
        self._task.join()
        super().hideEvent(event)
