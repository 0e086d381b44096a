"""Contract: the team's activity log, appended by each client and read incrementally."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from inbox_harness import FolderBackend

from app.inbox.base import Inbox, InboxUnavailable

Factory = Callable[[str, str], Inbox]
NewEvent = Callable[..., dict[str, Any]]


def ids(events: list[dict[str, Any]]) -> list[str]:
    return [e["id"] for e in events]


def test_events_of_two_clients_reach_everyone(inbox_factory: Factory, new_event: NewEvent) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    a1, b1, a2 = new_event("anna", "pc-anna"), new_event("bram", "pc-bram"), new_event()
    anna.append_event(a1)
    bram.append_event(b1)
    anna.append_event(a2)
    for reader in (anna, bram, inbox_factory("marco", "pc-office")):
        events, _ = reader.read_events({})
        assert sorted(ids(events)) == sorted(ids([a1, b1, a2]))
        assert [e for e in events if e["user"] == "anna"] == [a1, a2]  # each log in order


def test_reading_is_incremental(inbox_factory: Factory, new_event: NewEvent) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    first = new_event()
    anna.append_event(first)
    events, cursor = bram.read_events({})
    assert ids(events) == [first["id"]]
    assert bram.read_events(cursor) == ([], cursor)
    later = [new_event(), new_event("bram", "pc-bram")]
    anna.append_event(later[0])
    bram.append_event(later[1])
    events, cursor2 = bram.read_events(json.loads(json.dumps(cursor)))  # a stored cursor
    assert sorted(ids(events)) == sorted(ids(later))
    assert bram.read_events(cursor2)[0] == []


def test_unknown_fields_and_types_are_passed_on(
    inbox_factory: Factory, new_event: NewEvent
) -> None:
    anna = inbox_factory("anna", "pc-anna")
    ev = {**new_event(), "type": "test_drive", "car": {"stock": "V1234"}, "note": "äöü €"}
    anna.append_event(ev)
    assert anna.read_events({})[0] == [ev]


def test_a_torn_last_line_waits_and_the_next_append_recovers(
    inbox_factory: Factory, backend: FolderBackend, new_event: NewEvent
) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    before = new_event()
    anna.append_event(before)
    backend.tear("anna", "pc-anna", b'{"v":1,"id":"torn","ts":"2026-')  # crash mid-append
    events, cursor = bram.read_events({})
    assert ids(events) == [before["id"]]
    assert bram.read_events(cursor) == ([], cursor)  # left for later, not skipped past
    after = new_event()
    anna.append_event(after)  # closes the torn line first: the fragment is a bad line
    events, cursor = bram.read_events(cursor)
    assert ids(events) == [after["id"]]
    assert bram.read_events(cursor)[0] == []


def test_an_unterminated_whole_event_is_read_once_it_is_terminated(
    inbox_factory: Factory, backend: FolderBackend, new_event: NewEvent
) -> None:
    """A crash between the event and its newline: the caller will publish it again."""
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    whole = new_event()
    backend.tear("anna", "pc-anna", json.dumps(whole).encode())
    events, cursor = bram.read_events({})
    assert events == []
    anna.append_event(whole)  # the retry
    events, cursor = bram.read_events(cursor)
    if getattr(backend, "atomic_appends", False):  # the crash rolled the append back
        assert ids(events) == [whole["id"]]
    else:
        assert ids(events) == [whole["id"], whole["id"]]  # readers dedup by id


def test_malformed_lines_are_skipped(
    inbox_factory: Factory, backend: FolderBackend, new_event: NewEvent
) -> None:
    anna = inbox_factory("anna", "pc-anna")
    good = new_event()
    backend.tear("anna", "pc-anna", b"not json\n[1, 2]\n\xff\xfe\n{}\n\n")
    anna.append_event(good)
    assert ids(anna.read_events({})[0]) == [good["id"]]


def test_an_outage_loses_and_duplicates_nothing(
    inbox_factory: Factory, backend: FolderBackend, producer: FolderBackend, new_event: NewEvent
) -> None:
    anna, bram = inbox_factory("anna", "pc-anna"), inbox_factory("bram", "pc-bram")
    producer.put("a.json", b"{}")
    sent = [new_event()]
    anna.append_event(sent[0])
    seen, cursor = bram.read_events({})
    outbox = [new_event(), new_event()]  # what the caller keeps while the share is down
    with backend.outage():
        for attempt in (
            lambda: anna.append_event(outbox[0]),
            anna.list_new,
            lambda: bram.read_events(cursor),
            lambda: bram.claim("a.json", "bram"),
            lambda: bram.claimed_by("a.json"),
            anna.check,
        ):
            with pytest.raises(InboxUnavailable) as info:
                attempt()
            assert "\n" not in str(info.value)
    for ev in outbox:  # the share is back: the caller retries, in order
        anna.append_event(ev)
        sent.append(ev)
    sent.append(new_event("bram", "pc-bram"))
    bram.append_event(sent[-1])
    anna.check()
    more, cursor = bram.read_events(cursor)
    seen = [*seen, *more]
    assert sorted(ids(seen)) == sorted(ids(sent))  # all there, each once
    assert [d.name for d in anna.list_new()] == ["a.json"]
    assert bram.claim("a.json", "bram").won
