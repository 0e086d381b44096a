"""Contract: documents arriving in `new/`, being read and being set aside."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from inbox_harness import T0, FolderBackend

from app.inbox.base import DocumentGone, DocumentOverLimit, Inbox, InboxDoc

Factory = Callable[[str, str], Inbox]


def test_an_arrival_is_listed_with_when_it_landed(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    inbox = inbox_factory("anna", "pc-anna")
    assert inbox.list_new() == []
    producer.put("a.json", b'{"name": "Jan"}', at=T0 - timedelta(minutes=3))
    assert inbox.list_new() == [InboxDoc("a.json", T0 - timedelta(minutes=3), 15)]
    assert inbox.list_new()[0].received_at.utcoffset() == timedelta(0)


def test_every_client_sees_the_same_received_at(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    producer.put("a.json", b"{}", at=T0)
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    assert anna.list_new() == bram.list_new() != []


def test_listed_oldest_first_then_by_name(inbox_factory: Factory, producer: FolderBackend) -> None:
    producer.put("c.json", b"{}", at=T0)
    producer.put("b.json", b"{}", at=T0 + timedelta(seconds=1))
    producer.put("a.json", b"{}", at=T0)
    assert [d.name for d in inbox_factory("anna", "pc-anna").list_new()] == [
        "a.json",
        "c.json",
        "b.json",
    ]


def test_a_document_in_flight_is_invisible_until_it_lands(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    inbox = inbox_factory("anna", "pc-anna")
    land = producer.put_in_flight("a.json", b"{}", at=T0)
    assert inbox.list_new() == []
    land()
    assert [d.name for d in inbox.list_new()] == ["a.json"]


def test_read_returns_the_bytes(inbox_factory: Factory, producer: FolderBackend) -> None:
    data = b'{"name": "Jan Jansen", "message": "Is de Golf nog beschikbaar?"}'
    producer.put("a.json", data)
    inbox = inbox_factory("anna", "pc-anna")
    [doc] = inbox.list_new()
    assert inbox.read(doc, 1000) == data


def test_read_refuses_a_document_over_the_limit_and_leaves_it(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    producer.put("big.json", b"x" * 101)
    inbox = inbox_factory("anna", "pc-anna")
    [doc] = inbox.list_new()
    with pytest.raises(DocumentOverLimit, match="101 bytes") as info:
        inbox.read(doc, limit=100)
    assert info.value.size == 101 and "\n" not in str(info.value)
    assert inbox.read(doc, limit=101) == b"x" * 101
    assert inbox.list_new() == [doc]


def test_read_of_a_document_claimed_meanwhile_says_gone(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    producer.put("a.json", b"{}")
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    [doc] = bram.list_new()
    assert anna.claim("a.json", "anna").won
    with pytest.raises(DocumentGone):
        bram.read(doc, 1000)


def test_quarantine_keeps_the_document_with_a_one_line_reason(
    inbox_factory: Factory, producer: FolderBackend, backend: FolderBackend
) -> None:
    producer.put("broken.json", b'{"name": "Jan", "phone": ')
    inbox = inbox_factory("anna", "pc-anna")
    [doc] = inbox.list_new()
    inbox.quarantine(doc, "not JSON:\nunexpected end\r\nof data")
    assert inbox.list_new() == []
    assert backend.kept("quarantine") == {
        "broken.json": (b'{"name": "Jan", "phone": ', "not JSON: unexpected end of data\n")
    }


def test_quarantine_by_two_clients_keeps_one_copy_without_error(
    inbox_factory: Factory, producer: FolderBackend, backend: FolderBackend
) -> None:
    producer.put("broken.json", b"??")
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    [doc] = anna.list_new()
    assert bram.list_new() == [doc]
    anna.quarantine(doc, "unreadable")
    bram.quarantine(doc, "unreadable")  # it is already gone: nothing to do
    assert list(backend.kept("quarantine")) == ["broken.json"]


def test_a_duplicate_is_set_aside_and_kept(
    inbox_factory: Factory, producer: FolderBackend, backend: FolderBackend
) -> None:
    producer.put("a.json", b"{1}")
    producer.put("a-again.json", b"{2}")
    inbox = inbox_factory("anna", "pc-anna")
    doc = next(d for d in inbox.list_new() if d.name == "a-again.json")
    inbox.set_aside_duplicate(doc, "a.json")
    assert [d.name for d in inbox.list_new()] == ["a.json"]
    assert backend.kept("duplicates") == {"a-again.json": (b"{2}", "duplicate of a.json\n")}
    assert backend.kept("quarantine") == {}
