"""Push for the group inbox: LISTEN on a connection of its own, with a heartbeat.

A LISTEN connection can die without a word (a NAT box forgets an idle TCP connection), so
every HEARTBEAT_S the listener asks the server which channels this session listens on
(`pg_listening_channels()`): an answer proves the connection, and an answer without our
channel means LISTEN does not stick, which is what PgBouncer in transaction pooling does
(each statement may run on another server session). Then push is off, said once, and the
caller's re-check (every 2 s) finds news. A lost connection is made again with a growing
delay. `wait()` is always safe to return False: the caller re-lists anyway.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg

from app.core.text import one_line
from app.inbox.postgres.schema import CHANNEL

log = logging.getLogger(__name__)

HEARTBEAT_S = 10.0
RETRY_MIN_S, RETRY_MAX_S = 0.5, 30.0
WAKE_S = 0.25  # how soon close() is noticed

POOLED_WARNING = (
    "push (LISTEN/NOTIFY) does not work on this connection: it goes through PgBouncer in "
    "transaction pooling; point Leadpop at PostgreSQL itself or a session-pooling port "
    "(meanwhile leads show within the 2 s re-check)"
)


def listening(conn: psycopg.Connection[Any]) -> bool:
    """Whether this session listens on our channel (the heartbeat's question)."""
    rows = conn.execute("SELECT pg_listening_channels()").fetchall()
    return any(row[0] == CHANNEL for row in rows)


class Listener:
    """A thread that turns NOTIFYs into a set event; close() stops and joins it."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection[Any]],
        *,
        heartbeat_s: float = HEARTBEAT_S,
        on_notify: Callable[[str], None] | None = None,
    ) -> None:
        self._connect = connect
        self._heartbeat_s = heartbeat_s
        self._on_notify = on_notify
        self.changed = threading.Event()
        self._stop = threading.Event()
        self._conn: psycopg.Connection[Any] | None = None
        self.connected = False
        self.pooled = False  # LISTEN doesn't stick (PgBouncer transaction pooling)
        self.heartbeats = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="leadpop-pg-listen", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        """Until the first LISTEN was tried (tests, benchmarks)."""
        return self._ready.wait(timeout)

    def _run(self) -> None:
        delay = RETRY_MIN_S
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception as exc:  # the mapped InboxError: the server is away
                log.info("push not connected: %s", exc)
                self._ready.set()
                self._stop.wait(delay)
                delay = min(delay * 2, RETRY_MAX_S)
                continue
            self._conn = conn
            try:
                conn.autocommit = True
                conn.execute(f"LISTEN {CHANNEL}")
                if not listening(conn):
                    self._give_up()
                    return
                self.connected = True
                self._ready.set()
                self.changed.set()  # anything may have happened while we weren't listening
                delay = RETRY_MIN_S
                self._listen(conn)
            except psycopg.Error as exc:
                if not self._stop.is_set():
                    log.info("push connection lost: %s", one_line(str(exc)))
            finally:
                self.connected = False
                self._conn = None
                conn.close()
            self._stop.wait(delay)
            delay = min(delay * 2, RETRY_MAX_S)
        self._ready.set()

    def _listen(self, conn: psycopg.Connection[Any]) -> None:
        quiet_since = time.monotonic()
        while not self._stop.is_set():
            # Short waits: close() needs no wake-up call on a connection it can't touch.
            for note in conn.notifies(timeout=WAKE_S):
                self.changed.set()
                quiet_since = time.monotonic()
                if self._on_notify is not None:
                    self._on_notify(note.payload)
                if self._stop.is_set():
                    return
            if time.monotonic() - quiet_since >= self._heartbeat_s:
                # Quiet for a heartbeat: is the connection, and our LISTEN, alive?
                if not listening(conn):
                    self._give_up()
                    return
                self.heartbeats += 1
                quiet_since = time.monotonic()

    def _give_up(self) -> None:
        self.pooled = True
        self._ready.set()
        log.warning("%s", POOLED_WARNING)

    def wait(self, timeout: float) -> bool:
        changed = self.changed.wait(max(0.0, timeout))
        self.changed.clear()  # the caller re-lists next, which sees anything in between
        return changed and not self._stop.is_set()

    def close(self) -> None:
        self._stop.set()
        self.changed.set()
        self._thread.join(WAKE_S + 15)  # at worst a connect attempt's timeout
