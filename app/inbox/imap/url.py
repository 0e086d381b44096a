"""The mailbox inbox's address: `imaps://USER@HOST[:PORT]/MAILBOX` or `imap://…`.

    imaps://leads%40dealer.nl@mail.dealer.nl/INBOX          implicit TLS, port 993
    imap://leads@mail.dealer.nl/Leads                       STARTTLS (required off-loopback)
    imaps://leads@192.168.1.10/INBOX?ca=/etc/leadpop/mail.pem          trust this certificate
    imaps://leads@192.168.1.10/INBOX?tls=insecure-skip-verify          no verification at all

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
_OPTIONS = ("tls", "ca")


@dataclass(frozen=True)
class ImapAddress:
    scheme: str  # "imap" (STARTTLS when offered) or "imaps" (implicit TLS)
    user: str  # the login name, URL-decoded (may contain "@")
    host: str
    port: int
    mailbox: str  # "INBOX", or folder levels separated by "/"
    insecure_tls: bool = False  # ?tls=insecure-skip-verify: no certificate check at all
    ca_file: Path | None = None  # ?ca=PATH: trust this certificate (a self-signed server)

    @property
    def implicit_tls(self) -> bool:
        return self.scheme == "imaps"

    @property
    def loopback(self) -> bool:
        """Only here may a password travel unencrypted: it never leaves the machine."""
        if self.host.lower() == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def display(self) -> str:
        """The address without options: stable, safe to show and to key a cursor by."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = IMAPS_PORT if self.implicit_tls else IMAP_PORT
        port = "" if self.port == default else f":{self.port}"
        return f"{self.scheme}://{quote(self.user, safe='')}@{host}{port}/{quote(self.mailbox)}"


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
    return ImapAddress(
        scheme=scheme,
        user=user,
        host=host,
        port=port or (IMAPS_PORT if scheme == "imaps" else IMAP_PORT),
        mailbox=mailbox,
        insecure_tls=tls == INSECURE,
        ca_file=ca_file,
    )


def _options(query: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key not in _OPTIONS:
            raise InboxConfigError(
                f"unknown mailbox address option {key!r}: known are ca= and tls={INSECURE}"
            )
        options[key] = value
    return options
