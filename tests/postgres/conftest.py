"""Fixtures for the PostgreSQL inbox's own tests: one real server, a fresh database per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.leak_check import no_leaked_threads
from tests.postgres.pg_server import PostgresServer

_no_leaked_threads = pytest.fixture(autouse=True)(no_leaked_threads)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session, on a temporary folder and a free port."""
    with PostgresServer() as server:
        yield server


@pytest.fixture
def pg_url(postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, empty database and the password the way libpq takes it (PGPASSWORD)."""
    for name, value in postgres.env.items():
        monkeypatch.setenv(name, value)
    return postgres.new_database()
