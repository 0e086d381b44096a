"""Contract: personal data (the AVG). Every document in every folder can be listed and
erased with its reason, and a client rewrites its own activity log without losing or
adding an event. A backend without these (optional) calls is skipped, by name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from inbox_harness import T0, FolderBackend

from app.inbox.base import Inbox

Factory = Callable[[str, str], Inbox]
NewEvent = Callable[..., dict[str, Any]]
LIMIT = 1_000_000


def erasing(inbox: Inbox) -> Any:
    if not hasattr(inbox, "erase_documents"):
        pytest.skip(f"{type(inbox).__name__} has no erasure yet (see the README)")
    return inbox


def three_places(inbox: Inbox, producer: FolderBackend) -> None:
    """a.json claimed by anna, b.json quarantined, c.json set aside, d.json waiting."""
    for n, name in enumerate(("a.json", "b.json", "c.json", "d.json")):
        producer.put(name, f'{{"name": "Klant {name}"}}'.encode(), at=T0 + timedelta(seconds=n))
    docs = {d.name: d for d in inbox.list_new()}
    assert inbox.claim("a.json", "anna").won
    inbox.quarantine(docs["b.json"], "not a lead: unreadable")
    inbox.set_aside_duplicate(docs["c.json"], "d.json")


def test_every_document_is_listed_where_it_is_with_its_reason(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    inbox = erasing(inbox_factory("anna", "pc-anna"))
    three_places(inbox, producer)
    held = {d.name: d for d in inbox.held_documents(LIMIT)}
    assert {n: d.where for n, d in held.items()} == {
        "a.json": "claimed/anna",
        "b.json": "quarantine",
        "c.json": "duplicates",
        "d.json": "new",
    }
    assert all(f"Klant {n}".encode() in d.data for n, d in held.items())
    assert "not a lead: unreadable" in (held["b.json"].reason or "")
    assert "d.json" in (held["c.json"].reason or "")


def test_erased_documents_are_gone_from_every_folder_with_their_reasons(
    inbox_factory: Factory, producer: FolderBackend
) -> None:
    inbox = erasing(inbox_factory("anna", "pc-anna"))
    three_places(inbox, producer)
    assert inbox.erase_documents(["a.json", "b.json", "c.json"]) == 3  # type: ignore[attr-defined]
    assert [d.name for d in inbox.held_documents(LIMIT)] == ["d.json"]  # type: ignore[attr-defined]
    assert producer.kept("quarantine") == {} and producer.kept("duplicates") == {}
    assert inbox.claimed_by("a.json") is None
    assert [d.name for d in inbox_factory("bram", "pc-bram").list_new()] == ["d.json"]
    assert inbox.erase_documents(["a.json"]) == 0  # type: ignore[attr-defined]


def test_a_rewritten_own_log_keeps_every_event_once_and_readers_read_nothing_new(
    inbox_factory: Factory, new_event: NewEvent
) -> None:
    anna = erasing(inbox_factory("anna", "pc-anna"))
    bram = inbox_factory("bram", "pc-bram")
    mine = [{**new_event(lead=f"lead-{i % 2}"), "note": f"Jansen {i}"} for i in range(4)]
    theirs = {**new_event("bram", "pc-bram", lead="lead-1"), "note": "Jansen bram"}
    for ev in mine:
        anna.append_event(ev)
    bram.append_event(theirs)
    _, cursor = bram.read_events({})

    def scrub(event: dict[str, Any]) -> dict[str, Any] | None:
        if event["lead"] != "lead-1":
            return None
        return {k: v for k, v in event.items() if k != "note"}

    assert anna.rewrite_own_log(scrub) == 2
    events = list(bram.read_events({})[0])
    by_id = {e["id"]: e for e in events}
    assert len(by_id) == len(events) == 5  # every event, once
    assert [by_id[e["id"]].get("note") for e in mine] == ["Jansen 0", None, "Jansen 2", None]
    assert by_id[theirs["id"]]["note"] == "Jansen bram"  # a colleague's log is theirs
    # A reader that had read it all reads nothing new but repeats (it dedups by id), and
    # then the next event.
    later = new_event()
    anna.append_event(later)
    again = list(bram.read_events(cursor)[0])
    assert {e["id"] for e in again} - {e["id"] for e in mine} == {later["id"]}
