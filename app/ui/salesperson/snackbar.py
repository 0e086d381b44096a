"""The snackbar: a one-line strip that confirms what just happened, with Undo for a while.

Sold, lost and "release to team" are held here for a few seconds before they are done
(`offer`): Undo simply never does them, so nothing has to be taken back in the shared
log. A "Not me" is done at once (the team sees it) and Undo asks the desk to reverse it.
`say` only confirms ("Attempt 2 due 14:27"). A new offer does the pending one first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

UNDO_MS = 6000
SAY_MS = 5000


class Snackbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Snackbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel(objectName="snackbar-text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.undo_button = QPushButton(self.tr("Undo"), objectName="snackbar-undo")
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo_button)
        self.timer = QTimer(self, objectName="snackbar-timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expire)
        self._commit: Callable[[], object] | None = None
        self._undo: Callable[[], object] | None = None
        self.setStyleSheet(_QSS)
        # Always takes its room, shown or not: a message must not push anything around.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._clear()

    def offer(
        self,
        text: str,
        *,
        commit: Callable[[], object] | None = None,
        undo: Callable[[], object] | None = None,
        ms: int = UNDO_MS,
    ) -> None:
        """Show `text` with Undo; `commit` runs when the time is up, `undo` on Undo."""
        self.flush()
        self._commit, self._undo = commit, undo
        self._show(text, ms, with_undo=True)

    def say(self, text: str, ms: int = SAY_MS) -> None:
        """A confirmation without Undo (a pending action is done first)."""
        self.flush()
        self._show(text, ms, with_undo=False)

    def pending(self) -> bool:
        return self._commit is not None or self._undo is not None

    def expire(self) -> None:
        """The time is up: do the held action, hide."""
        commit = self._commit
        self._clear()
        if commit is not None:
            commit()

    def flush(self) -> None:
        """Do a held action now (another action, or the app is closing)."""
        if self.timer.isActive() or self.pending():
            self.expire()

    def undo(self) -> None:
        undo = self._undo
        self._clear()
        if undo is not None:
            undo()

    def _show(self, text: str, ms: int, *, with_undo: bool) -> None:
        self.text.setText(text)
        self.text.setToolTip(text)
        self.undo_button.setVisible(with_undo)
        self.setVisible(True)
        self.timer.start(ms)

    def _clear(self) -> None:
        self.timer.stop()
        self._commit = self._undo = None
        self.text.clear()
        self.setVisible(False)


_QSS = """
#Snackbar { background: #1e293b; border-radius: 8px; }
#snackbar-text { color: white; font-size: 16px; }
#snackbar-undo {
    color: #fde68a; background: transparent; border: 1px solid #fde68a; border-radius: 6px;
    font-size: 16px; font-weight: 700; padding: 4px 16px;
}
#snackbar-undo:hover { background: #334155; }
"""
