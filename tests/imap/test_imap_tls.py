"""TLS to the mail server: verified by default, a dealer's own certificate, and the escape hatch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.inbox.base import InboxConfigError
from app.inbox.imap.inbox import ImapInbox
from app.inbox.imap.url import ImapAddress
from tests.imap.dovecot_server import DovecotServer


@pytest.fixture(scope="module")
def tls_server() -> Iterator[DovecotServer]:
    """A server with a self-signed certificate: STARTTLS on imap://, TLS on imaps://."""
    with DovecotServer(tls=True) as server:
        yield server


@pytest.fixture
def account(tls_server: DovecotServer) -> tuple[str, str]:
    return tls_server.new_account()


def _open(url: str, password: str) -> ImapInbox:
    return ImapInbox(url, "anna", "pc-anna", watch=False, password=password)


def _logins(server: DovecotServer, user: str, at_least: int = 0) -> list[str]:
    return server.log_lines(f"Login: user=<{user}>", at_least=at_least)


def _gave_up(server: DovecotServer, before: int) -> None:
    """Wait until the server logged one more connection that ended without a login."""
    server.log_lines("no auth attempts", at_least=before + 1)


@pytest.mark.parametrize("tls", [True, False], ids=["imaps", "imap-starttls"])
def test_an_unknown_certificate_is_refused_before_the_password_is_sent(
    tls_server: DovecotServer, account: tuple[str, str], tls: bool
) -> None:
    user, password = account
    before = len(tls_server.log_lines("no auth attempts"))
    with pytest.raises(
        InboxConfigError, match=r"certificate of mail server 127\.0\.0\.1:\d+ can't"
    ):
        _open(tls_server.url(user, tls=tls), password)
    _gave_up(tls_server, before)
    assert _logins(tls_server, user) == []  # even on loopback: STARTTLS is used when offered


@pytest.mark.parametrize("tls", [True, False], ids=["imaps", "imap-starttls"])
def test_the_dealers_own_certificate_can_be_trusted(
    tls_server: DovecotServer, account: tuple[str, str], tls: bool
) -> None:
    user, password = account
    inbox = _open(tls_server.url(user, tls=tls, query=f"ca={tls_server.cert}"), password)
    try:
        assert inbox.list_new() == [] and not inbox.insecure_tls
    finally:
        inbox.close()
    [login] = _logins(tls_server, user, at_least=1)
    assert "TLS" in login


def test_skipping_verification_works_and_says_so(
    tls_server: DovecotServer, account: tuple[str, str]
) -> None:
    user, password = account
    inbox = _open(tls_server.url(user, tls=True, query="tls=insecure-skip-verify"), password)
    try:
        assert inbox.list_new() == []
        assert inbox.insecure_tls  # the status bar warns while this is on
    finally:
        inbox.close()


def test_tls_on_a_plain_port_is_a_clear_error(dovecot: DovecotServer) -> None:
    user, password = dovecot.new_account()
    url = dovecot.url(user).replace("imap://", "imaps://")
    with pytest.raises(InboxConfigError, match=r"no TLS connection .* check the port") as info:
        _open(url, password)
    assert "\n" not in str(info.value)


def test_no_password_in_plain_text_to_another_machine(
    dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server without STARTTLS that isn't this machine: refused, nothing sent."""
    user, password = dovecot.new_account()
    monkeypatch.setattr(ImapAddress, "loopback", property(lambda self: False))
    before = len(dovecot.log_lines("no auth attempts"))
    with pytest.raises(InboxConfigError, match=r"offers no STARTTLS.* use imaps://"):
        _open(dovecot.url(user), password)
    _gave_up(dovecot, before)
    assert dovecot.log_lines(f"user=<{user}>") == []
