"""Push on the group inbox: LISTEN/NOTIFY, the heartbeat, PgBouncer, and a server restart."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from app.inbox.postgres.inbox import PostgresInbox
from app.inbox.postgres.listener import POOLED_WARNING, Listener
from tests.postgres.pg_server import PostgresServer

OpenPc = Callable[..., PostgresInbox]
WAIT_S = 10.0


def wait_until(inbox: PostgresInbox, condition: Callable[[], bool]) -> bool:
    """Wait on the inbox's own wake-ups (no sleeps) until `condition`, for WAIT_S at most."""
    for _ in range(int(WAIT_S / 0.25)):
        if condition():
            return True
        inbox.wait_for_change(0.25)
    return condition()


def test_a_new_document_wakes_a_waiting_pc_at_once(open_pc: OpenPc) -> None:
    anna = open_pc(watch=True, branch="utrecht")
    assert wait_until(anna, lambda: anna.watching)
    anna.wait_for_change(0)  # the wake-up of connecting
    open_pc("bridge", "srv", branch="utrecht").put_document(b"{}", name="a.json")
    assert anna.wait_for_change(WAIT_S)
    assert [d.name for d in anna.list_new()] == ["a.json"]


def test_a_claim_and_an_event_wake_the_others(open_pc: OpenPc) -> None:
    anna, bram = open_pc(watch=True), open_pc("bram", "pc-bram")
    assert wait_until(anna, lambda: anna.watching)
    bram.put_document(b"{}", name="a.json")
    assert anna.wait_for_change(WAIT_S)
    bram.claim("a.json", "bram")
    assert anna.wait_for_change(WAIT_S)
    bram.append_event(
        {
            "v": 1,
            "id": "e",
            "ts": "2026-11-25T10:00:00+01:00",
            "type": "sold",
            "lead": "l",
            "user": "bram",
            "host": "pc-bram",
        }
    )
    assert anna.wait_for_change(WAIT_S)


def test_the_heartbeat_asks_the_server_while_it_is_quiet(open_pc: OpenPc) -> None:
    anna = open_pc(watch=True, heartbeat_s=0.3)
    listener = anna._listener
    assert listener is not None
    assert wait_until(anna, lambda: listener.heartbeats >= 2)
    assert anna.watching


def test_push_comes_back_after_the_server_restarts(
    open_pc: OpenPc, postgres: PostgresServer
) -> None:
    anna, bram = open_pc(watch=True), open_pc("bram", "pc-bram")
    assert wait_until(anna, lambda: anna.watching)
    postgres.crash()
    assert wait_until(anna, lambda: not anna.watching)
    postgres.start()
    assert wait_until(anna, lambda: anna.watching)
    anna.wait_for_change(0)
    bram.check()  # a read finds bram's connection stale and makes a new one
    bram.put_document(b"{}", name="after.json")
    assert anna.wait_for_change(WAIT_S)


class _TransactionPooled:
    """A connection as PgBouncer in transaction pooling gives it: after each statement the
    server session goes back to the pool, so the next one runs where LISTEN never was."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def execute(self, query: str, *args: Any) -> Any:
        cur = self._conn.execute(query, *args)
        if query.startswith("LISTEN"):
            self._conn.execute("UNLISTEN *")  # the next statement: another server session
        return cur

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_conn":
            object.__setattr__(self, name, value)
        else:
            setattr(self._conn, name, value)


def test_listen_through_transaction_pooling_is_detected_and_said_in_one_line(
    pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "app.inbox.postgres.listener")
    listener = Listener(lambda: _TransactionPooled(psycopg.connect(pg_url)))  # type: ignore[arg-type, return-value]
    try:
        assert listener.wait_ready(WAIT_S)
        assert listener.pooled and not listener.connected
    finally:
        listener.close()
    [record] = [r for r in caplog.records if "PgBouncer" in r.getMessage()]
    assert record.getMessage() == POOLED_WARNING and "\n" not in POOLED_WARNING
