"""The contract's harness for the group inbox: a fresh database on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import psycopg

from app.inbox.base import Inbox
from app.inbox.postgres.inbox import PostgresInbox
from tests.postgres.pg_server import PASSWORD, PostgresServer


class PostgresBackend:
    """A database of its own per test; a producer INSERTs through `leadpop drop`'s call."""

    # A crash mid-append rolls the transaction back: nothing torn is ever left behind.
    atomic_appends = True

    def __init__(self, root: Path, server: PostgresServer) -> None:
        root.mkdir()
        self.server = server
        self.location = server.new_database()
        self.env = dict(server.env)  # for the spawned claimers: PGPASSWORD, as libpq takes it
        self._clients: list[Inbox] = []
        self._producer = self.make("producer", "web-form")

    def make(self, user: str, host: str) -> Inbox:
        inbox = PostgresInbox(self.location, user, host, watch=False, password=PASSWORD)
        self._clients.append(inbox)
        return inbox

    # -- the producer's side ---------------------------------------------------------------

    def put(self, name: str, data: bytes, *, at: datetime | None = None) -> None:
        self.put_in_flight(name, data, at=at)()

    def put_in_flight(
        self, name: str, data: bytes, *, at: datetime | None = None
    ) -> Callable[[], None]:
        """An INSERT lands whole or not at all: the document exists once it commits."""

        def land() -> None:
            assert self._producer.put_document(data, name=name, received_at=at) == name

        return land

    # -- looking behind the contract -------------------------------------------------------

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.location, password=PASSWORD, autocommit=True)

    def kept(self, kind: str) -> dict[str, tuple[bytes, str]]:
        """Documents set aside ("quarantine" or "duplicates"): name -> (bytes, reason)."""
        state = {"quarantine": "quarantine", "duplicates": "duplicate"}[kind]
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT name, body, reason FROM documents WHERE state = %s ORDER BY name",
                (state,),
            ).fetchall()
        return {str(n): (bytes(b), f"{r}\n") for n, b, r in rows}  # type: ignore[arg-type]

    def tear(self, user: str, host: str, data: bytes) -> None:
        """A PC dies mid-append: its transaction never commits (the row is rolled back)."""
        conn = self._connect()
        try:
            conn.autocommit = False
            conn.execute(
                "INSERT INTO events (id, client, body) VALUES (%s, %s, %s)",
                ("torn", f"{user}@{host}", data.decode("utf-8", "replace")),
            )
        finally:
            conn.close()  # without COMMIT: the server rolls it back

    @contextmanager
    def outage(self) -> Iterator[None]:
        """The database server goes down and comes back (same data, same port)."""
        self.server.stop()
        try:
            yield
        finally:
            self.server.start()

    def close(self) -> None:
        for inbox in self._clients:
            inbox.close()
