"""Fixtures for the group inbox's own tests: one real server, a fresh database per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.inbox.postgres.inbox import PostgresInbox
from tests.leak_check import no_leaked_threads
from tests.postgres.pg_server import PostgresServer

_no_leaked_threads = pytest.fixture(autouse=True)(no_leaked_threads)


@pytest.fixture(autouse=True)
def _no_system_secrets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No keyring and no ~/.pgpass of the developer's: as on a fresh machine."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(saved)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session, on a temporary folder and a free port."""
    with PostgresServer() as server:
        yield server


@pytest.fixture
def postgres(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """The session's server, up again after a test that stopped or crashed it."""
    yield postgres_server
    postgres_server.start()


@pytest.fixture
def pg_url(postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, empty database, and its password the way libpq takes it (PGPASSWORD)."""
    for name, value in postgres.env.items():
        monkeypatch.setenv(name, value)
    return postgres.new_database()


@pytest.fixture
def open_pc(pg_url: str) -> Iterator[Callable[..., PostgresInbox]]:
    """open_pc(user, host, branch=…, watch=…): a showroom PC on the test's database."""
    opened: list[PostgresInbox] = []

    def make(
        user: str = "anna", host: str = "pc-anna", *, branch: str = "", **kw: object
    ) -> PostgresInbox:
        url = f"{pg_url}?branch={branch}" if branch else pg_url
        kw.setdefault("watch", False)
        inbox = PostgresInbox(url, user, host, **kw)  # type: ignore[arg-type]
        opened.append(inbox)
        return inbox

    yield make
    for inbox in opened:
        inbox.close()
