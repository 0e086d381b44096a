"""A probe for the benchmark (`python -m tools.bench`): when did a window first paint?

Off unless LEADPOP_BENCH_PROBE=<path>. Then `watch(main_window, alert)` appends one JSON
line per event to that file:

    {"event": "main_shown", "t": <time.time()>}        the main window's first paint
    {"event": "alert_painted", "t": ..., "lead": id, "title": window title}
                                                        the alert's first paint with a lead
    {"event": "alert_hidden", "t": ..., "lead": id}    the alert went away

The time is taken just after the paint is finished (a zero timer runs once the backing
store was flushed), in the same clock (`time.time()`) as the producer that dropped the
lead. An event filter on two widgets, so the app's code carries no benchmark logic.
LEADPOP_BENCH_TRAY=1 also hides the main window after it first painted, as a salesperson
sends it to the tray: Xvfb and the offscreen platform have no tray to send it to.
"""

from __future__ import annotations

import json
import os
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.alert.alert_window import AlertWindow

ENV_PROBE = "LEADPOP_BENCH_PROBE"
ENV_TRAY = "LEADPOP_BENCH_TRAY"


class _Probe(QObject):
    def __init__(self, path: str, main: QWidget, alert: AlertWindow) -> None:
        super().__init__(main)
        self.path = path
        self.main = main
        self.alert = alert
        self.main_done = False
        self.painted_lead: str | None = None  # the lead of the alert's last recorded paint
        self.to_tray = os.environ.get(ENV_TRAY) == "1"

    def write(self, event: str, **fields: Any) -> None:
        line = json.dumps({"event": event, "t": time.time(), **fields})
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            if obj is self.main and not self.main_done:
                self.main_done = True
                QTimer.singleShot(0, self._main_painted)
            elif obj is self.alert:
                lead = self.alert.current_id()
                if lead is not None and lead != self.painted_lead:
                    self.painted_lead = lead
                    title = self.alert.windowTitle()  # names the customer: "New lead — Jan"
                    QTimer.singleShot(
                        0, lambda: self.write("alert_painted", lead=lead, title=title)
                    )
        elif kind == QEvent.Type.Hide and obj is self.alert:
            self.write("alert_hidden", lead=self.painted_lead)
            self.painted_lead = None
        return False

    def _main_painted(self) -> None:
        self.write("main_shown")
        if self.to_tray:
            self.main.hide()


def watch(main: QWidget, alert: AlertWindow) -> None:
    """Install the probe on the two windows; nothing at all when the variable is unset."""
    path = os.environ.get(ENV_PROBE)
    if not path:
        return
    probe = _Probe(path, main, alert)
    main.installEventFilter(probe)
    alert.installEventFilter(probe)
