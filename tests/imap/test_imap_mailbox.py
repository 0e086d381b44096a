"""The mailbox inbox beyond the shared contract: big mailboxes, odd servers, odd names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from imapclient import IMAPClient

from app.core.clock import FakeClock
from app.core.events import make_event
from app.inbox.base import ClaimResult, InboxConfigError
from app.inbox.imap.inbox import ImapInbox
from tests.imap.dovecot_server import CAPABILITY_WITHOUT_MOVE, DovecotServer
from tests.imap.mail import NOW, Mailbox, lead_mail

MakeInbox = Callable[..., ImapInbox]


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The UIDs of every FETCH sent from this process."""
    uids: list[int] = []
    real = IMAPClient.fetch

    def spy(self: IMAPClient, messages: Any, data: Any, modifiers: Any = None) -> Any:
        uids.extend(messages)
        return real(self, messages, data, modifiers)

    monkeypatch.setattr(IMAPClient, "fetch", spy)
    yield uids


def test_old_messages_are_fetched_once_not_at_every_poll(
    make_inbox: MakeInbox, mailbox: Mailbox, fetched: list[int]
) -> None:
    with mailbox.client() as client:  # a mailbox with years of history
        for start in range(0, 2000, 500):
            client.multiappend(
                "INBOX",
                [
                    {"msg": lead_mail(f"Klant {n}"), "date": NOW - timedelta(days=n)}
                    for n in range(start, start + 500)
                ],
            )
    inbox = make_inbox("anna")
    fetched.clear()
    assert len(inbox.list_new()) == 2000
    assert sorted(set(fetched)) == list(range(1, 2001))  # once each, a few KB at most
    fetched.clear()
    assert len(inbox.list_new()) == 2000
    assert fetched == []  # nothing changed: one EXAMINE, nothing fetched
    uid = mailbox.append(lead_mail("Nieuwe Klant"))
    docs = inbox.list_new()
    assert len(docs) == 2001 and fetched == [uid]


def test_a_server_without_move_copies_and_expunges(clock: FakeClock) -> None:
    with DovecotServer(capability=CAPABILITY_WITHOUT_MOVE) as server:
        mailbox = Mailbox(server, *server.new_account(), clock=clock)
        mailbox.append(lead_mail())
        mailbox.append(b"not a lead at all")
        anna, bram = (
            ImapInbox(mailbox.url, u, f"pc-{u}", watch=False, password=mailbox.password)
            for u in ("anna", "bram")
        )
        try:
            lead, junk = sorted(anna.list_new(), key=lambda d: d.size, reverse=True)
            assert anna.claim(lead.name, "anna") == ClaimResult(True, "anna")
            assert bram.claim(lead.name, "bram") == ClaimResult(False, "anna")
            bram.quarantine(junk, "not a lead document")
            assert anna.list_new() == []
            assert anna.release(lead.name, "anna")
            assert [d.name for d in bram.list_new()] == [lead.name]
            assert mailbox.uids(mailbox.folder("Claimed", "anna")) == []
            assert len(mailbox.uids(mailbox.folder("Quarantine"))) == 2
            with mailbox.client() as client:  # nothing left behind flagged \Deleted
                client.select_folder("INBOX", readonly=True)
                assert client.search(["DELETED"]) == []
        finally:
            anna.close()
            bram.close()


@pytest.mark.parametrize("user", ["jan.jansen", "Jürgen Müller", "a/b%c*"])
def test_any_user_name_gets_a_folder_and_comes_back_out(
    make_inbox: MakeInbox, mailbox: Mailbox, user: str
) -> None:
    mailbox.append(lead_mail())
    inbox = make_inbox(user)
    [doc] = inbox.list_new()
    assert inbox.claim(doc.name, user) == ClaimResult(True, user)
    assert make_inbox("bram").claimed_by(doc.name) == user
    with mailbox.client() as client:
        claimed = [f for _, _, f in client.list_folders("Leadpop.Claimed.", "%")]
    assert len(claimed) == 1  # one level: the name's dots and slashes are escaped
    assert inbox.release(doc.name, user)


def test_a_winner_that_died_before_its_move_is_completed_by_the_next_claimer(
    make_inbox: MakeInbox, mailbox: Mailbox
) -> None:
    """A ticket without its MOVE: anna's PC crashed between the two. Two minutes later."""
    mailbox.append(lead_mail())
    bram = make_inbox("bram")
    [doc] = bram.list_new()
    with mailbox.client() as client:
        client.select_folder("INBOX", readonly=True)
        [uid] = client.search(["ALL"])
        validity = client.folder_status("INBOX", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
        client.create_folder(mailbox.folder("Claims"))
        ticket = (
            f"X-Leadpop-Doc: {doc.name}\r\nX-Leadpop-Instance: <{validity}.{uid}>\r\n"
            "X-Leadpop-User: anna\r\n\r\nclaimed by anna\r\n"
        )
        client.append(mailbox.folder("Claims"), ticket.encode(), msg_time=NOW)
    assert bram.claim(doc.name, "bram") == ClaimResult(False, "anna")
    assert bram.list_new() == []  # no alert that nobody can claim
    assert bram.claimed_by(doc.name) == "anna"


def test_activity_is_read_again_when_its_folder_is_rebuilt(
    make_inbox: MakeInbox, mailbox: Mailbox
) -> None:
    anna, bram = make_inbox("anna"), make_inbox("bram")

    def event(n: int) -> dict[str, Any]:
        return make_event(
            "call",
            lead="L1",
            user="anna",
            host="pc-anna",
            ts=NOW + timedelta(seconds=n),
            attempt=1,
            outcome="voicemail",
        )

    anna.append_event(event(1))
    assert len(bram.read_events({})[0]) == 1
    _, cursor = bram.read_events({})
    with mailbox.client() as client:  # restored from a backup: a new UIDVALIDITY
        client.delete_folder(mailbox.folder("Activity"))
    later = event(2)
    anna.append_event(later)  # the folder is made again
    events, after = bram.read_events(cursor)
    assert events == [later] and after["uidvalidity"] != cursor["uidvalidity"]
    assert bram.read_events(after) == ([], after)


def test_a_mailbox_that_does_not_exist_is_a_config_error(mailbox: Mailbox) -> None:
    url = mailbox.url.replace("/INBOX", "/Leads")
    with pytest.raises(InboxConfigError, match=r"mailbox Leads does not exist for leads\d+"):
        ImapInbox(url, "anna", "pc-anna", watch=False, password=mailbox.password)
    inbox = ImapInbox(url, "anna", "pc-anna", watch=False, password=mailbox.password, create=True)
    try:
        inbox.check()
        assert inbox.list_new() == []
    finally:
        inbox.close()
