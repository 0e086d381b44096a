"""The bridge from a real mailbox (Dovecot) into the group database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from app.engine.bridge import bridge_once
from app.inbox.imap.inbox import ImapInbox
from app.inbox.postgres.inbox import PostgresInbox
from tests.imap.dovecot_server import DovecotServer

MAIL = (
    b"From: Marktplaats <noreply@marktplaats.nl>\r\nTo: leads@dealer.nl\r\n"
    b"Subject: Reactie op je advertentie\r\nMessage-ID: <{n}@marktplaats.nl>\r\n\r\n"
    b"Naam: Klant {n}\r\nTelefoon: 06 1234567{n}\r\n"
)


@pytest.fixture(scope="module")
def dovecot() -> Iterator[DovecotServer]:
    with DovecotServer() as server:
        yield server


def test_the_bridge_moves_each_mail_once_and_files_it_in_the_mailbox(
    dovecot: DovecotServer, open_pc: Callable[..., PostgresInbox]
) -> None:
    account, password = dovecot.new_account()
    for n in range(3):
        dovecot.append(account, password, MAIL.replace(b"{n}", str(n).encode()))
    mailbox = ImapInbox(dovecot.url(account), "bridge", "srv", watch=False, password=password)
    try:
        target = open_pc("bridge", "srv", branch="utrecht")
        done = bridge_once(mailbox, target)
        assert (done.moved, done.already) == (3, 0)
        assert mailbox.list_new() == []  # moved out of INBOX, into Leadpop/Claimed/…
        assert bridge_once(mailbox, target).moved == 0
        # The same e-mail again (a portal that sends twice): its Message-ID is in already.
        dovecot.append(account, password, MAIL.replace(b"{n}", b"1"))
        assert (bridge_once(mailbox, target).already, len(target.list_new())) == (1, 3)
        assert all(target.has_document(f"message-id:<{n}@marktplaats.nl>") for n in range(3))
    finally:
        mailbox.close()
