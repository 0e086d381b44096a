"""Fixtures for the OAuth mailbox: a local OpenID provider and a Dovecot that asks it.

Imported by tests/imap/conftest.py. Each test gets a fresh mailbox and a "lead watcher"
account that may open it; the provider and the server are shared by the session.
"""

from __future__ import annotations

import itertools
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from app.inbox.imap.oauth import Grant, OAuthApp, generic, save_grant
from app.inbox.imap.signin import DeviceCode, ShowCode, sign_in
from tests.imap.dovecot_server import DOVEADM
from tests.imap.mail import Mailbox
from tests.imap.oauth_dovecot import OAuthDovecot
from tests.imap.oidc_provider import OidcProvider, Provider

CLIENT_ID = "leadpop-test"
_WATCHERS = itertools.count(1)


@dataclass
class OAuthMailbox:
    """A mailbox that signs in with OAuth, and the account that has access to it."""

    mailbox: Mailbox  # the producer's side: password logins still deliver the mail
    account: str  # the lead watcher: who signs in
    issuer: str

    @property
    def url(self) -> str:
        """The inbox address Leadpop takes, with the generic provider and the client id."""
        query = urlencode({"auth": "oauth2", "issuer": self.issuer, "client_id": CLIENT_ID})
        return f"{self.mailbox.url}?{query}"

    @property
    def app(self) -> OAuthApp:
        return OAuthApp(client_id=CLIENT_ID)

    @property
    def user(self) -> str:
        return self.mailbox.user


def approve_on_phone(provider: Provider, account: str) -> ShowCode:
    """A `show_code` that, like the person at the PC, types the code in (on a phone)."""

    def show(code: DeviceCode) -> None:
        threading.Thread(target=provider.approve, args=(code.user_code, account)).start()

    return show


def end_sessions(server: OAuthDovecot, user: str) -> None:
    """The server ends every session of `user`, as Exchange Online does when their token
    expires (BYE … AccessTokenExpired); returns once it has (its log says so)."""
    who = subprocess.run(
        [DOVEADM, "-c", str(server.config), "who", "-1", user],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    live = sum(1 for line in who.splitlines()[1:] if line.split()[:1] == [user])
    before = len(server.log_lines(f"imap({user})", "Disconnected"))
    server.kick(user)
    server.log_lines(f"imap({user})", "Disconnected", at_least=before + live)


def sign_in_by_device_code(box: OAuthMailbox, provider: Provider) -> Grant:
    """The first sign-in, done the quick way the tests need most: the device code."""
    spec = generic(box.app, box.issuer)
    grant, _ = sign_in(spec, box.user, "127.0.0.1", device=True,
                       show_code=approve_on_phone(provider, box.account))  # fmt: skip
    return grant


def keep_grant(box: OAuthMailbox, grant: Grant) -> None:
    save_grant(generic(box.app, box.issuer), box.user, "127.0.0.1", grant)


@pytest.fixture(scope="session")
def idp() -> Iterator[OidcProvider]:
    with OidcProvider(Provider(clients={CLIENT_ID})) as served:
        yield served


@pytest.fixture
def provider(idp: OidcProvider) -> Iterator[Provider]:
    """The session's provider, with whatever a test broke put right afterwards."""
    yield idp.provider
    idp.provider.refresh_error = idp.provider.authorize_error = None
    idp.provider.browser_account = None
    idp.provider.access_lifetime = 3600.0


@pytest.fixture(scope="session")
def oauth_dovecot(idp: OidcProvider) -> Iterator[OAuthDovecot]:
    with OAuthDovecot(idp.introspection_url) as server:
        yield server


@pytest.fixture
def oauth_server(oauth_dovecot: OAuthDovecot) -> Iterator[OAuthDovecot]:
    """The session's OAuth server, up again after a test that stopped it."""
    yield oauth_dovecot
    oauth_dovecot.start()


@pytest.fixture
def oauth_mailbox(
    oauth_server: OAuthDovecot, provider: Provider, idp: OidcProvider, clock: object
) -> OAuthMailbox:
    mailbox = Mailbox(oauth_server, *oauth_server.new_account(), clock=clock)  # type: ignore[arg-type]
    account = f"watcher{next(_WATCHERS)}@dealer.example.nl"
    provider.add_account(account, mailbox.user)
    return OAuthMailbox(mailbox, account, idp.issuer)


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: msal only talks to https:// authorities."""
    folder = tmp_path_factory.mktemp("idp-tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key
