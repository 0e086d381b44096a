"""Connections to the group database: psycopg's pool, and every error in one line.

The pool keeps a few connections open between polls (a TLS handshake to another branch's
server costs several round trips). When the server goes away, psycopg_pool would keep
re-trying in the background with a growing delay, and a caller would wait out the pool's
timeout on every poll; so on a lost connection the pool is dropped, and the next call
first tries one plain connection (refused at once while the server is down, which also
gives the real reason: a wrong password, a missing database) before making a new pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from app.core.text import one_line
from app.inbox.base import InboxConfigError, InboxUnavailable, PasswordNeeded, PasswordRejected
from app.inbox.postgres.address import PgAddress

log = logging.getLogger(__name__)
T = TypeVar("T")

POOL_MAX = 3  # a PC's poll, a claim from the alert and a write from the UI at once
POOL_TIMEOUT_S = 10.0


class ConnectionLost(InboxUnavailable):
    """The connection broke mid-call: a read may try once more on a fresh one."""


def password_hint(address: PgAddress) -> str:
    return (
        f"Leadpop needs the password of {address.user} on database {address.database} at "
        f"{address.host}: enter it once (it is kept in the system keyring), or set PGPASSWORD"
    )


def map_error(address: PgAddress, exc: BaseException) -> Exception:
    """A psycopg error as the inbox's one-line error."""
    text = one_line(str(exc).strip() or type(exc).__name__)
    where = f"group database {address.database} on {address.host}"
    low = text.lower()
    if "password authentication failed" in low:
        return PasswordRejected(address.user, address.host, password_hint(address))
    if "no password supplied" in low:
        return PasswordNeeded(address.user, address.host, password_hint(address))
    if "does not exist" in low and "database" in low:
        return InboxConfigError(f"{where} does not exist (ask the DBA to create it)")
    if "permission denied" in low or isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return InboxConfigError(f"{where}: role {address.user} lacks a permission ({text})")
    if "certificate" in low or ("ssl" in low and "verify" in low):
        return InboxConfigError(f"{where}: the server's certificate can't be trusted ({text})")
    if isinstance(exc, PoolTimeout):
        return InboxUnavailable(f"{where} is unavailable: no connection in time")
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return ConnectionLost(f"{where} is unavailable: {text}")
    return InboxUnavailable(f"{where}: {text}")


class Database:
    """The work connections of one PC: use() lends one, run() maps errors."""

    def __init__(self, address: PgAddress, password: str | None) -> None:
        self.address = address
        self._kw: dict[str, Any] = address.conninfo()
        if password:
            self._kw["password"] = password
        self._pool: ConnectionPool | None = None
        self._lock = threading.Lock()
        self._closed = False

    def connect(self, **extra: Any) -> psycopg.Connection[Any]:
        """A connection of its own (the listener's, a probe). Raises the mapped error."""
        try:
            return psycopg.connect(**self._kw, **extra)
        except psycopg.Error as exc:
            raise map_error(self.address, exc) from exc

    def _get_pool(self) -> ConnectionPool:
        with self._lock:
            if self._closed:
                raise InboxUnavailable("the group inbox is closed")
            if self._pool is not None:
                return self._pool
            self.connect().close()  # fails fast with the real reason while the server is away
            pool = ConnectionPool(
                kwargs=self._kw,
                min_size=1,
                max_size=POOL_MAX,
                timeout=POOL_TIMEOUT_S,
                open=False,
                name="leadpop",
            )
            pool.open(wait=False)
            self._pool = pool
            return pool

    def _drop_pool(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close(timeout=1)

    @contextmanager
    def use(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection in autocommit mode (callers open transactions themselves)."""
        pool = self._get_pool()
        try:
            with pool.connection() as conn:
                conn.autocommit = True
                yield conn
        except (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout) as exc:
            self._drop_pool()
            raise map_error(self.address, exc) from exc
        except psycopg.Error as exc:
            raise map_error(self.address, exc) from exc

    def run(self, op: Callable[[psycopg.Connection[Any]], T], *, again: bool = False) -> T:
        """`op` on a pooled connection. `again`: a read gets one more try on a fresh
        connection (one that went stale between polls, a server restart, is no outage);
        a write is never repeated (it may have been done)."""
        try:
            with self.use() as conn:
                return op(conn)
        except ConnectionLost as exc:
            if not again:
                raise
            log.info("%s; connecting again", exc)
            with self.use() as conn:
                return op(conn)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._drop_pool()
