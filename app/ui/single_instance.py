"""One Leadpop per data directory (Anki's habit): a second launch raises the first.

The server name is a hash of the data directory, so two people on one PC (or a test
with two data dirs) each get their own instance.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise\n"
CONNECT_MS = 500


def server_name(data_dir: Path) -> str:
    key = str(Path(data_dir).expanduser().resolve()).encode("utf-8")
    return "leadpop-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance(QObject):
    """`acquire()` is True for the first instance; later ones send "raise" and get False."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []  # owned here, so no deleteLater races on quit

    def acquire(self) -> bool:
        if self._tell_running():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A crashed instance leaves its socket file behind on Unix: clear it, retry.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance server failed: %s", server.errorString())
                return True  # run anyway: two instances beat none
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _tell_running(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(RAISE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

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
