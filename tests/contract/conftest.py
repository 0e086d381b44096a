"""The inbox contract's fixtures: every backend runs the same tests on one shared inbox.

- `inbox_factory(user, host)`: a client (one showroom PC) of the ONE shared inbox;
- `producer`: puts documents into the inbox the way a real producer does;
- `backend`: the rest (the location for other processes, set-aside documents, outages).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from inbox_harness import BACKENDS, T0, FolderBackend

from app.core.events import make_event
from app.inbox.base import Inbox
from tests.imap.dovecot_server import DovecotServer
from tests.imap.oauth_world import idp, oauth_dovecot  # the OAuth mailbox's server
from tests.leak_check import no_leaked_threads
from tests.postgres.pg_server import PostgresServer

_no_leaked_threads = pytest.fixture(autouse=True)(no_leaked_threads)
__all__ = ["idp", "oauth_dovecot"]


@pytest.fixture(scope="session", autouse=True)
def _provider_first(idp: object) -> None:
    """The OAuth mailbox's provider serves from a thread: start it before any test looks
    for leaked threads (the harness asks for it only inside a test)."""


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    """One real IMAP server for the session; every test gets an account of its own."""
    with DovecotServer() as server:
        yield server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session; every test gets a database of its own."""
    with PostgresServer() as server:
        yield server


@pytest.fixture(params=sorted(BACKENDS))
def backend(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[FolderBackend]:
    harness = BACKENDS[request.param](tmp_path / "inbox", request.getfixturevalue)
    for name, value in getattr(harness, "env", {}).items():  # inherited by spawned claimers
        monkeypatch.setenv(name, value)
    yield harness  # type: ignore[misc]  # every harness has FolderBackend's methods
    harness.close()


@pytest.fixture
def inbox_factory(backend: FolderBackend) -> Callable[[str, str], Inbox]:
    return backend.make


@pytest.fixture
def producer(backend: FolderBackend) -> FolderBackend:
    return backend


@pytest.fixture
def new_event() -> Callable[..., dict[str, Any]]:
    """Valid, distinct activity events (a new id and a later ts each time)."""
    seq = count()

    def make(user: str = "anna", host: str = "pc-anna", lead: str = "lead-1") -> dict[str, Any]:
        n = next(seq)
        return make_event(
            "call",
            lead=lead,
            user=user,
            host=host,
            ts=T0 + timedelta(seconds=n),
            attempt=1,
            outcome="voicemail",
        )

    return make
