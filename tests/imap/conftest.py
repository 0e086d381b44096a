"""Fixtures for the mailbox inbox's own tests: a real Dovecot, a fresh account per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.imap.auth import ENV_PASSWORD
from app.inbox.imap.inbox import ImapInbox
from app.inbox.imap.oauth import ENV_REFRESH_TOKEN
from app.settings.config import resolve
from app.store import Store
from tests.imap.dovecot_server import DovecotServer
from tests.imap.mail import NOW, Mailbox
from tests.imap.memory_keyring import MemoryKeyring
from tests.imap.oauth_world import (  # the OAuth mailbox's fixtures
    idp,
    oauth_dovecot,
    oauth_mailbox,
    oauth_server,
    provider,
    tls_certificate,
)
from tests.leak_check import no_leaked_threads

__all__ = ["idp", "oauth_dovecot", "oauth_mailbox", "oauth_server", "provider", "tls_certificate"]

_no_leaked_threads = pytest.fixture(autouse=True)(no_leaked_threads)


@pytest.fixture(autouse=True)
def _no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes the real keyring: as on a machine that has none."""
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    monkeypatch.delenv(ENV_REFRESH_TOKEN, raising=False)
    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(saved)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    return ring


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    with DovecotServer() as server:
        yield server


@pytest.fixture
def server(dovecot: DovecotServer) -> Iterator[DovecotServer]:
    """The session's server, up again after a test that stopped it."""
    yield dovecot
    dovecot.start()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def mailbox(server: DovecotServer, clock: FakeClock) -> Mailbox:
    return Mailbox(server, *server.new_account(), clock=clock)


@pytest.fixture
def make_inbox(mailbox: Mailbox, clock: FakeClock) -> Iterator[Callable[..., ImapInbox]]:
    made: list[ImapInbox] = []

    def make(user: str = "anna", host: str | None = None, **kw: Any) -> ImapInbox:
        kw.setdefault("watch", False)
        kw.setdefault("password", mailbox.password)
        kw.setdefault("now", clock.now)
        url = kw.pop("url", mailbox.url)
        inbox = ImapInbox(url, user, host or f"pc-{user}", **kw)
        made.append(inbox)
        return inbox

    yield make
    for inbox in made:
        inbox.close()


@pytest.fixture
def make_desk(
    tmp_path: Path, make_inbox: Callable[..., ImapInbox], clock: FakeClock, mailbox: Mailbox
) -> Iterator[Callable[..., Desk]]:
    """A showroom PC's engine on the mailbox inbox, with its own SQLite store."""
    desks: list[Desk] = []

    def make(user: str = "anna", **kw: Any) -> Desk:
        cfg = resolve(
            inbox=mailbox.url,
            data_dir=str(tmp_path / f"data-{user}"),
            user=user,
            hours="always",
            env={},
        )
        cfg.host = f"pc-{user}"
        desk = Desk(make_inbox(user, **kw), Store.open(cfg.data_dir), clock, cfg)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.store.close()
