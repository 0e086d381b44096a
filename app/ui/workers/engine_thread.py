"""Engine work off the GUI thread: one generic request, one reply, one way to stop.

The engine (a Desk, a TeamDesk) and the SQLite connection and inbox under it belong to a
worker thread: SQLite connections stay in the thread that opened them, and the GUI thread
does no I/O. The GUI asks for work with an `EngineOp`, a callable that takes the engine and
returns a result, plus what to do with that result back on the GUI thread:

    EngineOp(desk_thread, lambda desk: desk.snooze(lead_id, 15), what="snooze")
        .success(show_until)          # optional; runs in the GUI thread
        .failure(show_why)            # optional; without it the worker's `error` says it
        .run_in_background()

(the shape of Anki's `CollectionOp`). Every request travels over one queued signal and
runs in the worker thread in the order asked; every reply comes back over one signal. So
one new engine action in the GUI is one engine method plus one call site.

After a successful request the worker sends what the GUI shows again (its `refreshed`
hook: the lists, the board), before the reply, so a success callback sees the new state.
Signals the worker sends on its own (a new lead, a reminder, the inbox's health) stay
ordinary signals of the worker.

Stopping is the same for every worker: `EngineThread.stop()` asks the worker to close
everything in its own thread, the worker moves itself back to the GUI thread (so it is
deleted there like any other object, instead of being stranded on a finished thread where
`deleteLater` never runs) and quits its thread, and the GUI side joins it. A request sent
after that is dropped with a log line: it must not run in the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)

E = TypeVar("E")  # the engine: Desk, TeamDesk
R = TypeVar("R")  # what an op returns

STOP_WAIT_MS = 10_000
NOT_OPEN = "the inbox is not open"


class NotReady(Exception):
    """The worker has no engine to run the op on (its inbox failed to open)."""


class Refused(Exception):
    """An op's expected "no" (e.g. a lead that couldn't be given back): reported like an
    error, logged without a traceback."""


@dataclass(frozen=True, eq=False)
class Request(Generic[E, R]):
    """One piece of engine work. `op` runs in the worker thread; the callbacks in the GUI's."""

    op: Callable[[E], R]
    what: str  # for the log and the error line: "claim", "export"
    refresh: bool = True  # afterwards, send the GUI what it shows again
    on_success: Callable[[R], Any] | None = None
    on_failure: Callable[[Exception], Any] | None = None


@dataclass(frozen=True, eq=False)
class Reply:
    request: Request[Any, Any]
    value: Any = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class EngineOp(Generic[E, R]):
    """Builds a Request: `EngineOp(thread, op, what=…).success(cb).run_in_background()`."""

    def __init__(
        self,
        thread: EngineThread[E],
        op: Callable[[E], R],
        *,
        what: str,
        refresh: bool = True,
    ) -> None:
        self._thread = thread
        self._request: Request[E, R] = Request(op, what, refresh)

    def success(self, callback: Callable[[R], Any]) -> EngineOp[E, R]:
        self._request = replace(self._request, on_success=callback)
        return self

    def failure(self, callback: Callable[[Exception], Any]) -> EngineOp[E, R]:
        self._request = replace(self._request, on_failure=callback)
        return self

    def run_in_background(self) -> None:
        self._thread.submit(self._request)


class EngineWorker(QObject):
    """Lives in the worker thread. Subclasses own the engine and say how to close it."""

    replied = Signal(object)  # Reply
    error = Signal(str)  # one line for the status area
    stopped = Signal()
    pong = Signal(int)  # answer to ping(n): every request queued before it is done

    def __init__(self) -> None:
        super().__init__()
        self._stopped = False

    # -- what subclasses fill in -------------------------------------------------------------

    def engine(self) -> Any | None:
        """What ops run on; None while it isn't open."""
        raise NotImplementedError

    def refreshed(self) -> None:
        """After a successful request: send the GUI what it shows (lists, board)."""

    def close(self) -> None:
        """Close timers, inbox and store, in the worker thread."""

    # -- the generic request -----------------------------------------------------------------

    @Slot(object)
    def run_request(self, request: Request[Any, Any]) -> None:
        if self._stopped:  # the GUI side drops these; this is the last line of defence
            log.info("%s dropped: the worker has stopped", request.what)
            return
        engine = self.engine()
        if engine is None:
            reply = Reply(request, error=NotReady(NOT_OPEN))
        else:
            try:
                reply = Reply(request, request.op(engine))
            except Refused as exc:
                log.info("%s refused: %s", request.what, exc)
                reply = Reply(request, error=exc)
            except Exception as exc:  # a store or inbox bug must not kill the worker
                log.exception("%s failed", request.what)
                reply = Reply(request, error=exc)
        if reply.error is not None and request.on_failure is None:
            self.error.emit(f"{request.what}: {reply.error or type(reply.error).__name__}")
        if reply.ok and request.refresh:
            try:
                self.refreshed()
            except Exception as exc:
                log.exception("refresh after %s failed", request.what)
                self.error.emit(str(exc) or type(exc).__name__)
        self.replied.emit(reply)

    @Slot(int)
    def ping(self, token: int) -> None:
        """A barrier: requests are handled in order, so pong(token) follows their results."""
        self.pong.emit(token)

    @Slot()
    def stop(self) -> None:
        """Close everything here, then hand this object back to the GUI thread and quit."""
        self._stopped = True
        try:
            self.close()
        finally:
            self.stopped.emit()
            app = QCoreApplication.instance()
            thread = QThread.currentThread()
            if app is not None and thread is not app.thread():
                # Left on its finished thread, this object would have no thread at all once
                # the QThread is deleted: deleteLater would never run and it would leak.
                self.moveToThread(app.thread())
                # Quit from here: the GUI thread is blocked in wait(), so a queued quit
                # would never be delivered.
                thread.quit()


class EngineThread(QObject, Generic[E]):
    """The GUI side: starts the worker's thread, sends requests, delivers replies, joins."""

    answered = Signal(object)  # Reply, after its callback ran in the GUI thread (tests)
    _request = Signal(object)
    _ping = Signal(int)
    _stop = Signal()

    def __init__(self, worker: EngineWorker, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._thread = QThread(self, objectName=name)  # not `self.thread`: QObject.thread()
        worker.moveToThread(self._thread)
        self._request.connect(worker.run_request)
        self._ping.connect(worker.ping)
        self._stop.connect(worker.stop)
        worker.replied.connect(self._deliver)
        self._started = False
        self._stopped = False

    @property
    def name(self) -> str:
        return self._thread.objectName()

    @property
    def running(self) -> bool:
        """Started and not stopped: requests reach the worker."""
        return self._started and not self._stopped and self._thread.isRunning()

    @property
    def finished(self) -> bool:
        """The thread has ended (or never ran)."""
        return not self._thread.isRunning()

    def op(self, op: Callable[[E], R], *, what: str, refresh: bool = True) -> EngineOp[E, R]:
        return EngineOp(self, op, what=what, refresh=refresh)

    def submit(self, request: Request[E, Any]) -> None:
        if self._stopped:
            log.info("%s dropped: the %s thread has stopped", request.what, self.name)
            return
        self._request.emit(request)

    def ping(self, token: int) -> None:
        self._send(self._ping, token)

    def _send(self, signal: SignalInstance, *args: Any) -> bool:
        """Emit a control signal to the worker, unless it has stopped (then it would run
        in the GUI thread, where the worker lives again)."""
        if self._stopped:
            log.info("request dropped: the %s thread has stopped", self.name)
            return False
        signal.emit(*args)
        return True

    def _start_thread(self) -> None:
        if not self._started and not self._stopped:
            self._thread.start()
            self._started = True

    @Slot(object)
    def _deliver(self, reply: Reply) -> None:
        if self._stopped:  # its requester is being torn down
            log.debug("reply to %s after stop dropped", reply.request.what)
            return
        request = reply.request
        if reply.error is None:
            if request.on_success is not None:
                request.on_success(reply.value)
        elif request.on_failure is not None:
            request.on_failure(reply.error)
        self.answered.emit(reply)

    def stop(self) -> None:
        """Ask the worker to close everything in its own thread, then join the thread.

        Safe to call twice, and before start.
        """
        if self._stopped:
            return
        self._stopped = True
        if not self._started:
            return
        self._stop.emit()
        if not self._thread.wait(STOP_WAIT_MS):
            log.error("%s thread did not stop in time", self.name)
            self._thread.quit()
            self._thread.wait()
