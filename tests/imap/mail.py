"""Lead e-mails and a test's view of one mailbox account (the producer's side)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from email.utils import format_datetime
from itertools import count
from pathlib import Path

from imapclient import IMAPClient

from app.core.clock import FakeClock
from tests.imap.dovecot_server import DovecotServer

# Wednesday 25 November 2026, 10:12 in Amsterdam.
NOW = datetime(2026, 11, 25, 9, 12, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
_SEQ = count(1)


def lead_mail(
    name: str = "Jan Jansen", phone: str = "06 12345678", *, message_id: str | None = None
) -> bytes:
    """A portal's notification with labelled fields, as AutoScout24 and others send it."""
    mid = message_id or f"<lead.{next(_SEQ)}.{name.split()[0].lower()}@portal.example.nl>"
    return (
        "From: Portal Leads <leads@portal.example.nl>\r\n"
        "To: leads@dealer.example.nl\r\n"
        f"Subject: Nieuwe aanvraag van {name}\r\n"
        f"Date: {format_datetime(NOW)}\r\n"
        f"Message-ID: {mid}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        f"Naam: {name}\r\n"
        f"Telefoon: {phone}\r\n"
        f"E-mail: {name.split()[0].lower()}@example.nl\r\n"
        "Auto: Volkswagen Golf 1.5 TSI\r\n"
        "Bericht: Is deze auto nog beschikbaar?\r\n"
    ).encode()


def adf_bomb_mail() -> bytes:
    """An ADF attachment that declares an entity expansion bomb ("billion laughs")."""
    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    xml = (
        '<?xml version="1.0"?><!DOCTYPE adf [<!ENTITY lol0 "lol">' + lol + "]>"
        '<adf><prospect><customer><contact><name part="full">&lol9;</name>'
        "</contact></customer></prospect></adf>"
    )
    attachment = base64.encodebytes(xml.encode()).decode().replace("\n", "\r\n")
    return (
        "From: AutoTrack Leads <leads@autotrack.nl>\r\n"
        "Subject: Nieuwe lead (ADF)\r\n"
        f"Date: {format_datetime(NOW)}\r\n"
        "Message-ID: <bomb.1@autotrack.nl>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie bijlage.\r\n"
        '--b1\r\nContent-Type: application/xml; name="lead.xml"\r\n'
        'Content-Disposition: attachment; filename="lead.xml"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{attachment}--b1--\r\n"
    ).encode()


def huge_mail(size: int) -> bytes:
    """A lead of about `size` bytes (a customer's photos, a portal gone wrong)."""
    line = b"A" * 76 + b"\r\n"
    return lead_mail("Grote Bijlage") + line * (size // len(line))


class Mailbox:
    """One account on the test server: what other mail clients do to it."""

    def __init__(
        self, server: DovecotServer, user: str, password: str, *, clock: FakeClock
    ) -> None:
        self.server, self.user, self.password, self.clock = server, user, password, clock
        self.url = server.url(user)

    def append(self, data: bytes, *, at: datetime | None = None, mailbox: str = "INBOX") -> int:
        """A lead lands (another client APPENDs it); INTERNALDATE = `at` or the clock's now."""
        return self.server.append(
            self.user, self.password, data, mailbox=mailbox, at=at or self.clock.now()
        )

    def client(self) -> IMAPClient:
        return self.server.client(self.user, self.password)

    def folder(self, *parts: str) -> str:
        return ".".join(("Leadpop", *parts))  # Dovecot's maildir: separator ".", no prefix

    def uids(self, folder: str) -> list[int]:
        with self.client() as client:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            return list(client.search(["ALL"]))

    def bodies(self, folder: str) -> list[bytes]:
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            fetched = client.fetch(uids, [b"BODY.PEEK[]"]) if uids else {}
        return [fetched[u][b"BODY[]"] for u in sorted(fetched)]

    def kick(self) -> None:
        """The server drops every connection of this account (e.g. a NAT box timing out)."""
        self.server.kick(self.user)
