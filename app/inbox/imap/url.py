"""The mailbox inbox's address: `imaps://USER@HOST[:PORT]/MAILBOX` or `imap://…`.

    imaps://leads%40dealer.nl@mail.dealer.nl/INBOX          implicit TLS, port 993
    imap://leads@mail.dealer.nl/Leads                       STARTTLS (required off-loopback)
    imaps://leads@192.168.1.10/INBOX?ca=/etc/leadpop/mail.pem          trust this certificate
    imaps://leads@192.168.1.10/INBOX?tls=insecure-skip-verify          no verification at all

OAuth 2.0 instead of a password (Exchange Online and Gmail take nothing else over IMAP);
the user part is the mailbox, a shared one too, and the client id comes from leadpop.toml:

    imaps://leads%40dealer.nl@outlook.office365.com/INBOX?auth=microsoft
    imaps://leads%40dealer.nl@imap.gmail.com/INBOX?auth=google
    imaps://leads@mail.dealer.nl/INBOX?auth=oauth2&issuer=https://id.dealer.nl   any OpenID
                                      provider (&client_id=… overrides leadpop.toml's)

A password never goes into the address (it would end up in settings and logs): it comes
from the keyring or LEADPOP_IMAP_PASSWORD (app.inbox.imap.auth).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from app.inbox.base import InboxConfigError

IMAP_PORT, IMAPS_PORT = 143, 993
INSECURE = "insecure-skip-verify"
_OPTIONS = ("tls", "ca", "auth", "issuer", "client_id")
AUTH_KINDS = ("microsoft", "google", "oauth2")


@dataclass(frozen=True)
class ImapAddress:
    scheme: str  # "imap" (STARTTLS when offered) or "imaps" (implicit TLS)
    user: str  # the login name, URL-decoded (may contain "@")
    host: str
    port: int
    mailbox: str  # "INBOX", or folder levels separated by "/"
    insecure_tls: bool = False  # ?tls=insecure-skip-verify: no certificate check at all
    ca_file: Path | None = None  # ?ca=PATH: trust this certificate (a self-signed server)
    auth: str | None = None  # ?auth=microsoft|google|oauth2: OAuth 2.0 (XOAUTH2), no password
    issuer: str | None = None  # ?issuer=https://…: the OpenID provider of auth=oauth2
    client_id: str | None = None  # ?client_id=…: instead of leadpop.toml's oauth_client_id

    @property
    def implicit_tls(self) -> bool:
        return self.scheme == "imaps"

    @property
    def loopback(self) -> bool:
        """Only here may a password travel unencrypted: it never leaves the machine."""
        return _is_loopback(self.host)

    @property
    def display(self) -> str:
        """The address without options: stable, safe to show and to key a cursor by."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = IMAPS_PORT if self.implicit_tls else IMAP_PORT
        port = "" if self.port == default else f":{self.port}"
        return f"{self.scheme}://{quote(self.user, safe='')}@{host}{port}/{quote(self.mailbox)}"


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_imap_url(url: str) -> ImapAddress:
    """The address in `url`; a one-line InboxConfigError that never echoes a secret."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise InboxConfigError(f"the mailbox address is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("imap", "imaps"):
        raise InboxConfigError(f"not a mailbox address: {scheme}:// (use imap:// or imaps://)")
    if parts.password is not None:
        raise InboxConfigError(
            "don't put the password in the mailbox address: Leadpop asks for it once and "
            "keeps it in the system keyring (or set LEADPOP_IMAP_PASSWORD)"
        )
    user = unquote(parts.username or "")
    host = parts.hostname or ""
    if not host:
        raise InboxConfigError(f"the mailbox address names no server: {scheme}://USER@HOST/…")
    if not user:
        raise InboxConfigError(
            f"the mailbox address names no user: {scheme}://USER@{host}/… "
            "(write an @ in the user name as %40)"
        )
    mailbox = unquote(parts.path).strip("/") or "INBOX"
    options = _options(parts.query)
    tls = options.get("tls")
    if tls is not None and tls != INSECURE:
        raise InboxConfigError(f"unknown tls= option {tls!r}: the only one is tls={INSECURE}")
    ca = options.get("ca")
    if ca is not None and tls is not None:
        raise InboxConfigError(f"give either ca= or tls={INSECURE}, not both")
    ca_file = Path(ca).expanduser() if ca else None
    if ca_file is not None and not ca_file.is_file():
        raise InboxConfigError(f"the certificate file {ca_file} does not exist")
    auth, issuer = _oauth(options)
    return ImapAddress(
        scheme=scheme,
        user=user,
        host=host,
        port=port or (IMAPS_PORT if scheme == "imaps" else IMAP_PORT),
        mailbox=mailbox,
        insecure_tls=tls == INSECURE,
        ca_file=ca_file,
        auth=auth,
        issuer=issuer,
        client_id=options.get("client_id") or None,
    )


def _oauth(options: dict[str, str]) -> tuple[str | None, str | None]:
    auth, issuer = options.get("auth"), options.get("issuer")
    if auth is not None and auth not in AUTH_KINDS:
        raise InboxConfigError(
            f"unknown auth={auth!r}: use auth=microsoft, auth=google or auth=oauth2"
        )
    if issuer is not None and auth != "oauth2":
        raise InboxConfigError("issuer= goes with auth=oauth2 (any OpenID provider)")
    if auth == "oauth2":
        if not issuer:
            raise InboxConfigError("auth=oauth2 needs the provider: add &issuer=https://…")
        parts = urlsplit(issuer)
        local = parts.scheme == "http" and _is_loopback(parts.hostname or "")
        if not parts.hostname or (parts.scheme != "https" and not local):
            raise InboxConfigError("issuer= must be the provider's https:// address")
    return auth, issuer


def _options(query: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key not in _OPTIONS:
            raise InboxConfigError(
                f"unknown mailbox address option {key!r}: known are ca=, tls={INSECURE}, "
                "auth=, issuer= and client_id="
            )
        options[key] = value
    return options
