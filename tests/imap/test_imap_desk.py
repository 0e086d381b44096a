"""The engine on the mailbox inbox: e-mails APPENDed to a real Dovecot become leads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from imapclient import IMAPClient

from app.core.clock import FakeClock
from app.core.timefmt import to_utc_text
from app.engine.desk import Desk
from app.intake import MAX_DOCUMENT_BYTES, parse_document
from tests.imap.dovecot_server import DovecotServer
from tests.imap.mail import FIXTURES, NOW, Mailbox, adf_bomb_mail, huge_mail, lead_mail

MakeDesk = Callable[..., Desk]


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[list[int], list[bytes]]]]:
    """Every FETCH any client in this process sends: (uids, items)."""
    calls: list[tuple[list[int], list[bytes]]] = []
    real = IMAPClient.fetch

    def spy(self: IMAPClient, messages: Any, data: Any, modifiers: Any = None) -> Any:
        calls.append((list(messages), [bytes(d) for d in data]))
        return real(self, messages, data, modifiers)

    monkeypatch.setattr(IMAPClient, "fetch", spy)
    yield calls


def test_an_appended_email_becomes_a_lead_received_at_its_internaldate(
    make_desk: MakeDesk, mailbox: Mailbox
) -> None:
    desk = make_desk("anna")
    landed = NOW - timedelta(minutes=1)
    mailbox.append(lead_mail("Jan Jansen", "06 12345678"), at=landed)
    result = desk.poll()
    assert result.health.ok and result.quarantined == []
    [lead_id] = result.new_leads
    row = desk.store.lead(lead_id)
    assert row is not None
    assert (row["name"], row["phone_e164"]) == ("Jan Jansen", "+31612345678")
    assert row["received_at"] == to_utc_text(landed)
    assert [v.id for v in desk.alertable()] == [lead_id]
    assert desk.poll().new_leads == []  # seen once
    with mailbox.client() as client:  # read with PEEK: people watching the mailbox still see it new
        client.select_folder("INBOX", readonly=True)
        assert client.search(["UNSEEN"]) != []


@pytest.mark.parametrize(
    "fixture", ["adf_attachment.eml", "marktplaats_nl.eml", "html_only_cp1252.eml"]
)
def test_portal_mails_read_as_from_a_file(
    make_desk: MakeDesk, mailbox: Mailbox, fixture: str
) -> None:
    """ADF attachments, labelled fields, HTML-only: the e-mail intake reads the message."""
    data = (FIXTURES / fixture).read_bytes()
    expected = parse_document(data, received_at=NOW)
    mailbox.append(data)
    desk = make_desk("anna")
    [lead_id] = desk.poll().new_leads
    row = desk.store.lead(lead_id)
    assert row is not None
    assert (row["id"], row["name"], row["phone_e164"], row["email"]) == (
        expected.id,
        expected.name,
        expected.phone.e164 if expected.phone else None,
        expected.email,
    )


def test_a_claim_closes_the_alert_on_the_other_pc(make_desk: MakeDesk, mailbox: Mailbox) -> None:
    anna, bram = make_desk("anna"), make_desk("bram")
    mailbox.append(lead_mail())
    [lead_id] = anna.poll().new_leads
    assert bram.poll().new_leads == [lead_id]
    assert anna.claim(lead_id).won
    assert bram.claim(lead_id).owner == "anna"
    result = bram.poll()
    assert bram.alertable() == [] and result.health.ok
    assert mailbox.uids("INBOX") == [] and len(mailbox.uids(mailbox.folder("Claimed", "anna"))) == 1


def test_an_entity_bomb_attachment_is_quarantined_with_the_intakes_reason(
    make_desk: MakeDesk, mailbox: Mailbox
) -> None:
    data = adf_bomb_mail()
    mailbox.append(data)
    desk = make_desk("anna")
    result = desk.poll()
    assert result.new_leads == []
    [(_, reason)] = result.quarantined
    assert "DTD/entities" in reason
    assert mailbox.uids("INBOX") == []
    kept = mailbox.bodies(mailbox.folder("Quarantine"))
    assert data in kept  # never deleted, byte for byte
    [note] = [b for b in kept if b != data]
    assert reason.encode() in note
    assert desk.poll().quarantined == []


def test_a_20_mb_message_is_quarantined_without_being_downloaded(
    make_desk: MakeDesk, mailbox: Mailbox, fetched: list[tuple[list[int], list[bytes]]]
) -> None:
    data = huge_mail(20 * 1024 * 1024)
    uid = mailbox.append(data)
    desk = make_desk("anna")
    fetched.clear()
    result = desk.poll()
    [(_, reason)] = result.quarantined
    assert reason == (
        f"document too large: {len(data)} bytes, the limit is {MAX_DOCUMENT_BYTES} bytes"
    )
    asked = [item for uids, items in fetched if uid in uids for item in items]
    assert asked and all(i == b"RFC822.SIZE" or b"<0." in i or b"[" not in i for i in asked)
    assert b"BODY.PEEK[]" not in asked  # the whole message was never requested
    assert mailbox.uids("INBOX") == []
    assert len(mailbox.uids(mailbox.folder("Quarantine"))) == 2  # the message and its note


def test_a_server_restart_loses_no_lead_and_alerts_nothing_twice(
    make_desk: MakeDesk, mailbox: Mailbox, server: DovecotServer
) -> None:
    anna = make_desk("anna")
    mailbox.append(lead_mail("Jan Jansen"))
    [first] = anna.poll().new_leads
    server.restart()  # every connection is cut; same maildirs, same port
    mailbox.append(lead_mail("Fatima el Amrani", "06 23456789"))
    result = anna.poll()
    assert result.health.ok  # the stale connection was remade on the spot
    [second] = result.new_leads
    assert second != first
    assert sorted(v.id for v in anna.alertable()) == sorted([first, second])
    assert anna.poll().new_leads == []


def test_an_outage_shows_as_inbox_health_and_ends_with_a_backoff(
    make_desk: MakeDesk, mailbox: Mailbox, server: DovecotServer, clock: FakeClock
) -> None:
    anna = make_desk("anna")
    mailbox.append(lead_mail("Jan Jansen"))
    [first] = anna.poll().new_leads
    server.stop()
    health = anna.poll().health
    assert not health.ok and health.down_since == clock.now()
    assert health.error and "127.0.0.1" in health.error and "\n" not in health.error
    clock.advance(1)
    assert anna.poll().health.failures == 1  # backing off: not even tried
    server.start()
    mailbox.append(lead_mail("Pieter de Vries", "06 34567890"))
    clock.advance(health.retry_delay())
    result = anna.poll()
    assert result.health.ok and len(result.new_leads) == 1
    assert first not in result.new_leads


def test_a_dropped_connection_is_made_again_without_an_outage(
    make_desk: MakeDesk, mailbox: Mailbox
) -> None:
    anna = make_desk("anna")
    anna.poll()
    mailbox.kick()  # the server (or a NAT box) drops the idle connection
    mailbox.append(lead_mail())
    result = anna.poll()
    assert result.health.ok and len(result.new_leads) == 1


def test_a_rebuilt_mailbox_with_new_uids_alerts_nothing_again(
    make_desk: MakeDesk, mailbox: Mailbox
) -> None:
    """UIDVALIDITY changes (a restore, a migration): names come from the messages, not UIDs."""
    with mailbox.client() as client:
        client.create_folder("Leads")
    mailbox.append(lead_mail("Jan Jansen"), mailbox="Leads")
    mailbox.append(lead_mail("Sanne Bakker", "06 45678901"), mailbox="Leads")
    anna = make_desk("anna", url=mailbox.url.replace("/INBOX", "/Leads"))
    leads = anna.poll().new_leads
    assert len(leads) == 2
    with mailbox.client() as client:
        client.create_folder("Backup")
        client.select_folder("Leads")
        client.move(client.search(["ALL"]), "Backup")
        client.unselect_folder()
        validity = client.folder_status("Leads", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
        client.delete_folder("Leads")
        client.create_folder("Leads")
        assert client.folder_status("Leads", [b"UIDVALIDITY"])[b"UIDVALIDITY"] != validity
        client.select_folder("Backup")
        client.move(client.search(["ALL"]), "Leads")
    result = anna.poll()
    assert (result.new_leads, result.gone, result.duplicates) == ([], [], [])
    assert sorted(v.id for v in anna.alertable()) == sorted(leads)
