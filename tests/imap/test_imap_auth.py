"""The mailbox password: where it comes from, a refusal, and that it is never logged."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.base import InboxConfigError
from app.inbox.imap.auth import (
    ENV_PASSWORD,
    SERVICE,
    PasswordNeeded,
    PasswordRejected,
    find_password,
    store_password,
)
from app.inbox.imap.inbox import ImapInbox
from app.inbox.open import open_inbox
from app.settings.config import resolve
from app.store import Store
from tests.imap.dovecot_server import DovecotServer
from tests.imap.mail import Mailbox
from tests.imap.memory_keyring import MemoryKeyring


def test_without_keyring_or_variable_the_app_must_ask(mailbox: Mailbox) -> None:
    assert find_password(mailbox.user, "127.0.0.1") is None  # no keyring here: no error either
    with pytest.raises(PasswordNeeded) as info:
        open_inbox(mailbox.url, "anna", "pc-anna", watch=False)
    assert (info.value.user, info.value.host) == (mailbox.user, "127.0.0.1")
    assert ENV_PASSWORD in str(info.value) and "\n" not in str(info.value)
    assert not isinstance(info.value, PasswordRejected)


def test_a_password_given_once_is_kept_in_the_keyring(
    mailbox: Mailbox, memory_keyring: MemoryKeyring
) -> None:
    assert store_password(mailbox.user, "127.0.0.1", mailbox.password)
    assert memory_keyring.items == {(SERVICE, f"{mailbox.user}@127.0.0.1"): mailbox.password}
    inbox = open_inbox(mailbox.url, "anna", "pc-anna", watch=False)
    try:
        assert inbox.list_new() == []
    finally:
        inbox.close()


def test_without_a_keyring_storing_says_so() -> None:
    assert store_password("leads", "mail.dealer.nl", "x") is False  # the session may still use it


def test_the_environment_variable_comes_first(
    mailbox: Mailbox, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_password(mailbox.user, "127.0.0.1", "an old password")
    monkeypatch.setenv(ENV_PASSWORD, mailbox.password)
    assert find_password(mailbox.user, "127.0.0.1") == mailbox.password
    open_inbox(mailbox.url, "anna", "pc-anna", watch=False).close()


def test_a_wrong_password_is_one_clear_error_and_is_never_tried_again(
    server: DovecotServer, mailbox: Mailbox, tmp_path: Path, clock: FakeClock
) -> None:
    with pytest.raises(PasswordRejected, match=rf"refused the login of {mailbox.user}") as info:
        ImapInbox(mailbox.url, "anna", "pc-anna", watch=False, password="Wrong-Password-1")
    assert isinstance(info.value, InboxConfigError)  # not retryable
    assert "Wrong-Password-1" not in str(info.value) and "\n" not in str(info.value)
    failed = ("auth failed", f"user=<{mailbox.user}>")
    assert len(server.log_lines(*failed, at_least=1)) == 1

    # The password is changed while the app runs (here: given wrong while the server was down).
    server.stop()
    inbox = ImapInbox(mailbox.url, "anna", "pc-anna", watch=True, password="Wrong-Password-2")
    server.start()
    cfg = resolve(
        inbox=mailbox.url, data_dir=str(tmp_path / "d"), user="anna", hours="always", env={}
    )
    desk = Desk(inbox, Store.open(cfg.data_dir), clock, cfg)
    try:
        for _ in range(5):
            health = desk.poll().health
            inbox.wait_for_change(0.01)  # the push connection doesn't try it either
            clock.advance(120)
        assert not health.ok and "refused the login" in (health.error or "")
    finally:
        desk.store.close()
        inbox.close()
    with mailbox.client():  # a login after them all: once it is logged, so are they
        server.log_lines(f"Login: user=<{mailbox.user}>", at_least=1)
    assert len(server.log_lines(*failed)) == 2  # the first one, and the app's one


def test_the_password_is_never_logged(
    mailbox: Mailbox, make_inbox: Callable[..., ImapInbox], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # imapclient logs every command at DEBUG
    make_inbox("anna").list_new()
    with pytest.raises(PasswordRejected):
        make_inbox("bram", password="Wr0ng-but-secret")
    assert caplog.records
    assert mailbox.password not in caplog.text and "Wr0ng-but-secret" not in caplog.text


def test_a_password_with_accents_logs_in(server: DovecotServer) -> None:
    user, password = server.new_account("Wachtwoord-é€")
    inbox = ImapInbox(server.url(user), "anna", "pc-anna", watch=False, password=password)
    try:
        assert inbox.list_new() == []
    finally:
        inbox.close()
