"""The GUI side of a worker that lives in its own QThread: start it, forward, stop and join."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance

log = logging.getLogger(__name__)


class ThreadHandle(QObject):
    """Owns the thread; subclasses forward requests to the worker by queued signals."""

    _stop = Signal()

    def __init__(self, worker: QObject, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread(self, objectName=name)
        worker.moveToThread(self.thread)
        self._stop.connect(worker.stop)  # type: ignore[attr-defined]
        self._running = False

    @staticmethod
    def _forward(*pairs: tuple[SignalInstance, Callable[..., Any]]) -> None:
        for signal, slot in pairs:
            signal.connect(slot)

    def _start_thread(self) -> None:
        if not self._running:
            self.thread.start()
            self._running = True

    def stop(self) -> None:
        """Ask the worker to close everything in its own thread, then join the thread."""
        if not self._running:
            return
        self._running = False
        self._stop.emit()
        if not self.thread.wait(10_000):
            log.error("%s thread did not stop in time", self.thread.objectName())
            self.thread.quit()
            self.thread.wait()

    @property
    def running(self) -> bool:
        return self._running and self.thread.isRunning()
