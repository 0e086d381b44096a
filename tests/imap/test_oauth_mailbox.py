"""The OAuth mailbox end to end: a real Dovecot asks a real (local) OpenID provider.

Every case ends in "working" or in one clear line, and no lead is lost or claimed twice.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.base import InboxConfigError, SignInNeeded
from app.inbox.imap.inbox import ImapInbox
from app.inbox.imap.oauth import (
    ENV_REFRESH_TOKEN,
    SERVICE,
    OAuthApp,
    Tokens,
    generic,
    load_grant,
    microsoft,
)
from app.inbox.imap.signin import DeviceCode, sign_in, sign_out
from app.settings.config import resolve
from app.store import Store
from tests.imap.exchange_proxy import ExchangeLikeRelay
from tests.imap.mail import lead_mail
from tests.imap.memory_keyring import MemoryKeyring
from tests.imap.oauth_dovecot import OAuthDovecot
from tests.imap.oauth_world import (
    CLIENT_ID,
    OAuthMailbox,
    approve_on_phone,
    end_sessions,
    sign_in_by_device_code,
)
from tests.imap.oidc_provider import OidcProvider, Provider

HOST = "127.0.0.1"


@pytest.fixture
def signed_in(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring
) -> OAuthMailbox:
    """The lead watcher signed in once on this PC (device code); the keyring holds it."""
    sign_in_by_device_code(oauth_mailbox, provider)
    return oauth_mailbox


@pytest.fixture
def make_oauth_desk(
    tmp_path: Path, clock: FakeClock, signed_in: OAuthMailbox
) -> Iterator[Callable[..., Desk]]:
    desks: list[Desk] = []

    def make(user: str = "anna", **kw: Any) -> Desk:
        kw.setdefault("watch", False)
        kw.setdefault("now", clock.now)
        inbox = ImapInbox(signed_in.url, user, f"pc-{user}", **kw)
        cfg = resolve(
            inbox=signed_in.url, data_dir=str(tmp_path / f"data-{user}"), user=user,
            hours="always", env={},
        )  # fmt: skip
        cfg.host = f"pc-{user}"
        desk = Desk(inbox, Store.open(cfg.data_dir), clock, cfg)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.inbox.close()
        desk.store.close()


def logins(server: OAuthDovecot, user: str, *, at_least: int = 0) -> list[str]:
    return server.log_lines(f"Login: user=<{user}>, method=XOAUTH2", at_least=at_least)


def refused(server: OAuthDovecot, user: str) -> list[str]:
    return server.log_lines("auth failed", f"user=<{user}>", "method=XOAUTH2", at_least=1)


# -- signing in ----------------------------------------------------------------------------


def test_first_sign_in_with_the_device_code_then_leads_arrive(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring,
    oauth_server: OAuthDovecot, make_oauth_desk: Callable[..., Desk],
) -> None:  # fmt: skip
    shown: list[DeviceCode] = []
    approve = approve_on_phone(provider, oauth_mailbox.account)
    spec = generic(oauth_mailbox.app, oauth_mailbox.issuer)
    grant, kept = sign_in(
        spec, oauth_mailbox.user, HOST, device=True,
        show_code=lambda code: (shown.append(code), approve(code)),
    )  # fmt: skip
    assert kept and grant.account == oauth_mailbox.account  # the watcher, not the mailbox
    [code] = shown
    assert code.user_code and code.verification_uri.startswith(oauth_mailbox.issuer)
    [(service, _)] = memory_keyring.items
    assert service == SERVICE  # the refresh token is in the keyring, and nowhere else
    kept_grant = load_grant(spec, oauth_mailbox.user, HOST)
    assert kept_grant is not None and kept_grant.refresh_token == grant.refresh_token

    desk = make_oauth_desk("anna")
    oauth_mailbox.mailbox.append(lead_mail("Jan Jansen"))
    result = desk.poll()
    assert result.health.ok and len(result.new_leads) == 1
    assert desk.inbox.signed_in_as == oauth_mailbox.account
    assert logins(oauth_server, oauth_mailbox.user, at_least=1)


def test_first_sign_in_in_the_browser_with_a_loopback_redirect(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring
) -> None:
    provider.browser_account = oauth_mailbox.account  # signed in to the provider already
    pages: list[bytes] = []

    def browser(url: str) -> bool:
        """The test is the browser: it asks the provider and follows the redirect."""
        assert "code_challenge_method=S256" in url and "redirect_uri=http%3A%2F%2F127.0.0.1" in url
        with urllib.request.urlopen(url, timeout=10) as page:  # 302 -> Leadpop's listener
            pages.append(page.read())
        return True

    spec = generic(oauth_mailbox.app, oauth_mailbox.issuer)
    grant, _ = sign_in(spec, oauth_mailbox.user, HOST, open_url=browser)
    assert grant.account == oauth_mailbox.account
    assert b"Leadpop is signed in" in pages[0]
    with ImapInbox(oauth_mailbox.url, "anna", "pc-anna", watch=False) as inbox:
        assert inbox.list_new() == []


def test_a_declined_consent_in_the_browser_is_one_line_for_it(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring
) -> None:
    provider.browser_account = oauth_mailbox.account
    provider.authorize_error = (
        "consent_required",
        "AADSTS65001: The user or administrator has not consented to use the application.",
    )

    def browser(url: str) -> bool:
        with urllib.request.urlopen(url, timeout=10) as page:
            page.read()
        return True

    spec = generic(oauth_mailbox.app, oauth_mailbox.issuer)
    with pytest.raises(InboxConfigError, match="Grant admin consent") as info:
        sign_in(spec, oauth_mailbox.user, HOST, open_url=browser)
    assert "\n" not in str(info.value)
    assert memory_keyring.items == {}


def test_the_microsoft_preset_signs_in_with_msal_and_opens_the_mailbox(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring,
    tls_certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
    oauth_server: OAuthDovecot,
) -> None:  # fmt: skip
    """msal against the local provider in Entra ID's place (https, tenant in the path)."""
    cert, key = tls_certificate
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))  # msal's requests trusts it
    with OidcProvider(provider, cert=cert, key=key) as entra:
        app = OAuthApp(client_id=CLIENT_ID, tenant="autohuis.example", authority=entra.issuer)
        spec = microsoft(app)
        assert spec.issuer == f"{entra.issuer}/autohuis.example"
        grant, _ = sign_in(spec, oauth_mailbox.user, HOST, device=True,
                           show_code=approve_on_phone(provider, oauth_mailbox.account))  # fmt: skip
        assert grant.account == oauth_mailbox.account
        assert provider.grant_of(oauth_mailbox.account).scope.startswith(
            "https://outlook.office.com/IMAP.AccessAsUser.All"
        )
        url = oauth_mailbox.mailbox.url + "?auth=microsoft"
        with ImapInbox(url, "anna", "pc-anna", watch=False, oauth=app) as inbox:
            assert inbox.list_new() == []
            assert inbox.tokens is not None
            refreshes = provider.grant_of(oauth_mailbox.account).refreshes
            provider.expire_access_tokens()
            end_sessions(oauth_server, oauth_mailbox.user)
            assert inbox.list_new() == []  # refused once, refreshed through msal, back in
        assert provider.grant_of(oauth_mailbox.account).refreshes == refreshes + 1
    assert logins(oauth_server, oauth_mailbox.user, at_least=2)


def test_sign_out_removes_the_token_and_revokes_it(
    signed_in: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring
) -> None:
    spec = generic(signed_in.app, signed_in.issuer)
    grant = load_grant(spec, signed_in.user, HOST)
    assert grant is not None
    assert sign_out(spec, signed_in.user, HOST, grant)
    assert memory_keyring.items == {}
    assert provider.grant_of(signed_in.account).revoked
    with pytest.raises(SignInNeeded, match="sign in once"):
        ImapInbox(signed_in.url, "anna", "pc-anna", watch=False)


# -- while it runs -------------------------------------------------------------------------


def test_a_token_that_expires_mid_session_is_refreshed_once_and_nothing_is_lost(
    make_oauth_desk: Callable[..., Desk], signed_in: OAuthMailbox, provider: Provider,
    oauth_server: OAuthDovecot,
) -> None:  # fmt: skip
    anna, bram = make_oauth_desk("anna"), make_oauth_desk("bram")
    signed_in.mailbox.append(lead_mail("Jan Jansen"))
    [first] = anna.poll().new_leads
    assert bram.poll().new_leads == [first]
    refreshes = provider.grant_of(signed_in.account).refreshes
    # The provider's tokens run out, and the server ends both sessions (as Exchange Online
    # does with BYE … AccessTokenExpired). A lead lands meanwhile.
    provider.expire_access_tokens()
    end_sessions(oauth_server, signed_in.user)
    signed_in.mailbox.append(lead_mail("Els de Vries", "06 87654321"))
    a, b = anna.poll(), bram.poll()
    assert a.health.ok and b.health.ok, (a.health, b.health)
    assert len(a.new_leads) == 1 and a.new_leads == b.new_leads
    # Once per PC (the old token refused, a fresh one taken), not on every poll.
    assert provider.grant_of(signed_in.account).refreshes == refreshes + 2
    results = [anna.claim(a.new_leads[0]), bram.claim(a.new_leads[0])]
    assert sorted(r.won for r in results) == [False, True]  # claimed exactly once


def test_exchange_ending_the_session_for_an_expired_token_costs_one_refresh(
    signed_in: OAuthMailbox, provider: Provider, oauth_server: OAuthDovecot
) -> None:
    """`* BYE Session invalidated - AccessTokenExpired`, on the work connection while it
    waits in IDLE: Leadpop refreshes first and logs in once, with no refused login."""
    with ExchangeLikeRelay(oauth_server.port) as exchange:
        url = signed_in.url.replace(f":{oauth_server.port}/", f":{exchange.port}/")
        with ImapInbox(url, "anna", "pc-anna", watch=True) as inbox:
            assert inbox.wait_for_change(5.0)  # connected: look once
            inbox.list_new()
            assert not inbox.wait_for_change(0.2)  # waiting in IDLE now
            refreshes = provider.grant_of(signed_in.account).refreshes
            asked = provider.introspections
            exchange.expire_sessions()
            provider.expire_access_tokens()
            assert not inbox.wait_for_change(0.5)  # the BYE: push lost, to come back
            signed_in.mailbox.append(lead_mail("Jan Jansen"))
            assert len(inbox.list_new()) == 1  # a new session with a new token
            assert provider.grant_of(signed_in.account).refreshes == refreshes + 1
            # Dovecot asked about one token only: the fresh one. The expired one was never
            # tried, because the BYE said why the session ended.
            assert provider.introspections == asked + 1


def test_the_same_between_commands_without_push(
    signed_in: OAuthMailbox, provider: Provider, oauth_server: OAuthDovecot
) -> None:
    with ExchangeLikeRelay(oauth_server.port) as exchange:
        url = signed_in.url.replace(f":{oauth_server.port}/", f":{exchange.port}/")
        with ImapInbox(url, "anna", "pc-anna", watch=False) as inbox:
            inbox.list_new()
            asked = provider.introspections
            exchange.expire_sessions()
            provider.expire_access_tokens()
            signed_in.mailbox.append(lead_mail("Jan Jansen"))
            assert len(inbox.list_new()) == 1  # the read meets the BYE, and goes again
            assert provider.introspections == asked + 1


def test_the_access_token_is_renewed_before_it_expires(
    signed_in: OAuthMailbox, provider: Provider, oauth_server: OAuthDovecot
) -> None:
    now = [1_000_000.0]
    spec = generic(signed_in.app, signed_in.issuer)
    tokens = Tokens(spec, signed_in.user, HOST, clock=lambda: now[0])
    with ImapInbox(signed_in.url, "anna", "pc-anna", watch=False, tokens=tokens) as inbox:
        inbox.list_new()
        refreshes = provider.grant_of(signed_in.account).refreshes
        now[0] += 3600 - 60  # a minute before the token's end: the connection is renewed
        inbox.list_new()
        assert provider.grant_of(signed_in.account).refreshes == refreshes + 1
    assert refused(oauth_server, signed_in.user) == []  # never a login with a stale token


def test_a_refused_refresh_token_asks_to_sign_in_again_once_and_the_store_goes_on(
    make_oauth_desk: Callable[..., Desk], signed_in: OAuthMailbox, provider: Provider,
    clock: FakeClock, oauth_server: OAuthDovecot,
) -> None:  # fmt: skip
    desk = make_oauth_desk("anna")
    signed_in.mailbox.append(lead_mail("Jan Jansen"))
    [lead] = desk.poll().new_leads
    refresh_requests = provider.refresh_requests
    provider.refresh_error = ("invalid_grant", "AADSTS700082: The refresh token has expired.")
    provider.expire_access_tokens()
    end_sessions(oauth_server, signed_in.user)
    healths = []
    for _ in range(3):
        healths.append(desk.poll().health)
        clock.advance(120)  # past the Desk's backoff: each poll really tries the inbox
    assert all(not h.ok for h in healths)
    assert all(h.sign_in_needed and "sign in again" in h.sign_in_needed for h in healths)
    assert healths[0].error is not None and "\n" not in healths[0].error
    assert provider.refresh_requests == refresh_requests + 1  # asked once, not every poll
    assert [v.id for v in desk.alertable()] == [lead]  # the local store still works


def test_a_revoked_grant_is_one_line(
    make_oauth_desk: Callable[..., Desk], signed_in: OAuthMailbox, provider: Provider,
    oauth_server: OAuthDovecot,
) -> None:  # fmt: skip
    desk = make_oauth_desk("anna")
    assert desk.poll().health.ok
    provider.revoke(signed_in.account)
    end_sessions(oauth_server, signed_in.user)
    health = desk.poll().health
    assert health.sign_in_needed and signed_in.user in health.sign_in_needed


def test_a_mailbox_the_account_may_not_open_is_one_line_that_says_what_to_grant(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring,
    oauth_server: OAuthDovecot, tmp_path: Path, clock: FakeClock,
) -> None:  # fmt: skip
    other = replace(oauth_mailbox, account="sales@dealer.example.nl")
    provider.add_account(other.account, "someone-else")  # no access to this mailbox
    sign_in_by_device_code(other, provider)
    with pytest.raises(InboxConfigError, match="FullAccess") as info:
        ImapInbox(other.url, "anna", "pc-anna", watch=False)
    assert other.account in str(info.value) and "\n" not in str(info.value)
    assert not isinstance(info.value, SignInNeeded)
    # Refused with the token it had, and once more with a fresh one: then never again.
    [line] = refused(oauth_server, oauth_mailbox.user)  # one connection, two tries
    assert "2 attempts" in line


def test_a_server_restart_reconnects_without_a_new_sign_in(
    make_oauth_desk: Callable[..., Desk], signed_in: OAuthMailbox, provider: Provider,
    oauth_server: OAuthDovecot,
) -> None:  # fmt: skip
    desk = make_oauth_desk("anna", watch=True)
    assert desk.poll().health.ok
    refreshes = provider.grant_of(signed_in.account).refreshes
    oauth_server.restart()
    signed_in.mailbox.append(lead_mail("Jan Jansen"))
    result = desk.poll()
    assert result.health.ok and len(result.new_leads) == 1
    assert provider.grant_of(signed_in.account).refreshes == refreshes  # still a good token


def test_a_kiosk_takes_the_refresh_token_from_the_environment(
    signed_in: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    grant = provider.grant_of(signed_in.account)
    memory_keyring.items.clear()
    monkeypatch.setenv(ENV_REFRESH_TOKEN, grant.refresh_token)
    with ImapInbox(signed_in.url, "anna", "pc-anna", watch=False) as inbox:
        assert inbox.list_new() == []
    assert memory_keyring.items == {}  # never copied into the keyring


def test_the_tokens_are_never_logged(
    make_oauth_desk: Callable[..., Desk], signed_in: OAuthMailbox, provider: Provider,
    caplog: pytest.LogCaptureFixture, oauth_server: OAuthDovecot,
) -> None:  # fmt: skip
    caplog.set_level("DEBUG")  # imapclient logs every command at DEBUG
    desk = make_oauth_desk("anna")
    desk.poll()
    provider.expire_access_tokens()
    end_sessions(oauth_server, signed_in.user)
    desk.poll()
    grant = provider.grant_of(signed_in.account)
    assert caplog.records
    assert grant.refresh_token not in caplog.text
    assert not [t for t in provider.tokens if t in caplog.text]


def test_an_unknown_client_id_is_one_line(
    oauth_mailbox: OAuthMailbox, provider: Provider, memory_keyring: MemoryKeyring
) -> None:
    spec = generic(OAuthApp(client_id="not-registered"), oauth_mailbox.issuer)
    with pytest.raises(InboxConfigError, match="check oauth_client_id"):
        sign_in(spec, oauth_mailbox.user, HOST, device=True)
