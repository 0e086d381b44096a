"""Push for the mailbox inbox: IMAP IDLE on a connection of its own.

`wait(timeout)` runs in the caller's thread (the app's watcher thread) while the worker
uses the command connection, so IDLE gets a second connection that stays in IDLE between
calls. It is renewed before servers give up on it (RFC 2177: 29 minutes; NAT boxes often
drop silent connections sooner), remade with backoff after a drop, and `close()` wakes a
waiter at once by shutting its socket down. Only a hint: the caller re-lists on a timer.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress

from imapclient.exceptions import IMAPClientError

from app.inbox.base import InboxConfigError, InboxError
from app.inbox.imap.conn import NETWORK_ERRORS, Conn, discard

log = logging.getLogger(__name__)

RENEW_S = 240.0  # re-IDLE this often
MAX_BACKOFF_S = 60.0
# The push connection's bound on every wait for the server: a connect that hangs (a
# firewall dropping packets) holds up the caller's thread, and the app's shutdown, this long.
PUSH_TIMEOUT_S = 5.0
_CHANGES = frozenset({b"EXISTS", b"EXPUNGE", b"VANISHED"})


class _Lost(Exception):
    """The server said BYE, or the connection went silent for good."""


def _changed(responses: list[tuple[object, ...]]) -> bool:
    for item in responses:
        if len(item) >= 2 and item[0] == b"BYE":
            raise _Lost("the server said goodbye")
        if any(part in _CHANGES for part in item[:2] if isinstance(part, bytes)):
            return True
    return False


class IdleWatcher:
    """Change notices for MAILBOX; `open_conn(timeout)` makes the push connection."""

    def __init__(
        self, open_conn: Callable[[float], Conn], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._open = open_conn
        self._clock = clock
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._conn: Conn | None = None
        self._pushing = False  # False: the server has no IDLE; the caller's timer does it all
        self._since = 0.0
        self._backoff = 0.0
        self._retry_at = 0.0
        self._closed = False

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` s; True when the mailbox (probably) changed."""
        timeout = max(0.0, timeout)
        with self._lock:
            if self._closed:
                return False
            if self._conn is None:
                if self._clock() < self._retry_at or not self._start():
                    self._wake.wait(min(timeout, max(0.0, self._retry_at - self._clock())))
                    return False
                return True  # (re)connected: whatever happened meanwhile, look again
            if not self._pushing:
                self._wake.wait(timeout)
                return False
            try:
                return self._check(timeout)
            except (*NETWORK_ERRORS, IMAPClientError, _Lost) as exc:
                self._lost(exc)
                return False

    def _start(self) -> bool:
        try:
            conn = self._open(PUSH_TIMEOUT_S)
        except (*NETWORK_ERRORS, IMAPClientError, InboxError) as exc:
            self._lost(exc)
            return False
        try:
            conn.select(conn.layout.mailbox)
            self._pushing = conn.has(b"IDLE")
            if self._pushing:
                conn.client.idle()
        except (*NETWORK_ERRORS, IMAPClientError) as exc:
            discard(conn.client)
            self._lost(exc)
            return False
        self._conn, self._since, self._backoff = conn, self._clock(), 0.0
        log.debug("mailbox push %s", "on (IDLE)" if self._pushing else "off: no IDLE")
        return True

    def _check(self, timeout: float) -> bool:
        assert self._conn is not None
        client = self._conn.client
        if self._clock() - self._since >= RENEW_S:
            _, responses = client.idle_done()
            client.idle()
            self._since = self._clock()
            if _changed(responses):
                return True
        started = time.monotonic()  # real time: the clock above may be a test's
        responses = client.idle_check(timeout)
        if _changed(responses):
            return True
        if not responses and time.monotonic() - started < timeout / 2:
            # Woken early with nothing: idle_check swallows EOF. Leaving IDLE raises on a
            # dead connection and is harmless on a live one.
            client.idle_done()
            client.idle()
            self._since = self._clock()
        return False

    def _lost(self, exc: BaseException) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            discard(conn.client)
        if self._closed:
            return
        if isinstance(exc, InboxConfigError):  # a refused password, a bad certificate:
            self._retry_at = float("inf")  # only the user can mend it; never retry
            return
        if not self._backoff:
            log.info("mailbox push interrupted (%s); retrying with backoff", exc)
        self._backoff = min(MAX_BACKOFF_S, self._backoff * 2 or 1.0)
        self._retry_at = self._clock() + self._backoff

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        conn = self._conn
        if conn is not None:  # wake a waiter blocked in idle_check right now
            with suppress(OSError, ValueError):
                socket.socket.shutdown(conn.client.socket(), socket.SHUT_RDWR)
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            discard(conn.client)
