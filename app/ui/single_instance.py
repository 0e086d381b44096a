"""One Leadpop per data directory (Anki's habit): a second launch raises the first.

The server name is a hash of the data directory, so two people on one PC (or a test
with two data dirs) each get their own instance.

Who runs is decided by an OS file lock in the data folder (flock on Linux and macOS,
msvcrt on Windows), not by the socket: two launches at the same instant both found no
server, and the second removed the first's socket as if a crash had left it. A lock
can't be taken twice, and the OS lets go of it when the process ends, however it ends.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path
from typing import IO

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise\n"
CONNECT_MS = 500
LOCK_NAME = "leadpop.lock"
# The instance holding the lock may still be starting its server: keep trying this long.
REACH_S = 5.0


def server_name(data_dir: Path) -> str:
    key = str(Path(data_dir).expanduser().resolve()).encode("utf-8")
    return "leadpop-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance(QObject):
    """`acquire()` is True for the first instance; later ones send "raise" and get False."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.lock_path = Path(data_dir).expanduser() / LOCK_NAME
        self.server: QLocalServer | None = None
        self._lock: IO[bytes] | None = None
        self._clients: list[QLocalSocket] = []  # owned here, so no deleteLater races on quit

    def acquire(self) -> bool:
        locked = self._take_lock()
        if locked is False:  # another instance runs (or is starting): raise it, then go
            if not self._tell_running(REACH_S):
                log.warning("another Leadpop holds %s but didn't answer", self.lock_path)
            return False
        if locked is None and self._tell_running():
            return False  # no lock here (a read-only folder): the socket decides, as before
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A crashed instance leaves its socket file behind on Unix: clear it, retry.
            # Safe with the lock held: no other instance of this data folder can be running.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance server failed: %s", server.errorString())
                return True  # run anyway: we hold the lock, so we are the one
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _take_lock(self) -> bool | None:
        """True: this is the instance; False: another one holds it; None: no lock here."""
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.lock_path, "a+b")  # noqa: SIM115 - held open while this instance runs
        except OSError as exc:
            log.warning("no single-instance lock (%s): %s", self.lock_path, exc.strerror)
            return None
        try:
            _lock(fh)
        except OSError:
            fh.close()
            return False
        self._lock = fh
        return True

    def _tell_running(self, within_s: float = 0.0) -> bool:
        """Ask the running instance to come to the front; retried for `within_s` seconds."""
        deadline = time.monotonic() + within_s
        while (socket := self._connect()) is None:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)  # it holds the lock but isn't listening yet
        socket.write(RAISE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _connect(self) -> QLocalSocket | None:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        return socket if socket.waitForConnected(CONNECT_MS) else None

    def _on_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            self._clients.append(socket)
            socket.readyRead.connect(self._read_all)
        self._read_all()

    def _read_all(self) -> None:
        """Each client says one word; a closed one is dropped once read."""
        for socket in list(self._clients):
            data = bytes(socket.readAll().data()) if socket.bytesAvailable() else b""
            if RAISE.strip() in data:
                self.raise_requested.emit()
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._clients.remove(socket)

    def release(self) -> None:
        for socket in self._clients:
            socket.abort()
        self._clients.clear()
        if self.server is not None:
            self.server.close()
            self.server = None
        if self._lock is not None:
            self._lock.close()  # closing the file lets go of the lock
            self._lock = None


def _lock(fh: IO[bytes]) -> None:
    """An exclusive lock on `fh`, or OSError at once if another holds it (no waiting)."""
    if os.name == "nt":
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        # flock, not fcntl's record locks: those don't conflict within one process.
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
