"""Rewriting the own activity log (the AVG): same offsets, and no event lost to an append
by another process of the same client meanwhile."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.events import decode_event, make_event
from app.inbox.activity_log import append_event, rewrite_own

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def call(lead: str, note: str) -> dict[str, Any]:
    return make_event(
        "call", lead=lead, user="anna", host="pc", ts=T0, attempt=1, outcome="busy", note=note
    )


def without_note(event: dict[str, Any]) -> dict[str, Any] | None:
    if event["lead"] != "L1":
        return None
    return {k: v for k, v in event.items() if k != "note"}


def test_an_append_during_the_rewrite_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "anna@pc.jsonl"
    first, other = call("L1", "Jansen belt terug"), call("L2", "Piet")
    append_event(path, first)
    append_event(path, other)
    late = call("L3", "de app, tegelijk")
    appended: list[str] = []

    def scrub_while_the_app_appends(event: dict[str, Any]) -> dict[str, Any] | None:
        if not appended:  # the running app logs an event while `forget` rewrites
            appended.append(late["id"])
            append_event(path, late)
        return without_note(event)

    assert rewrite_own(path, scrub_while_the_app_appends) == 1
    events = [decode_event(line) for line in path.read_bytes().splitlines()]
    assert [e["id"] for e in events if e] == [first["id"], other["id"], late["id"]]
    assert "note" not in events[0] and events[1]["note"] == "Piet"  # type: ignore[index]
    assert b"Jansen" not in path.read_bytes()


def test_lines_keep_their_length(tmp_path: Path) -> None:
    path = tmp_path / "anna@pc.jsonl"
    append_event(path, call("L1", "Jansen"))
    append_event(path, call("L2", "x"))
    before = [len(line) for line in path.read_bytes().split(b"\n")]
    assert rewrite_own(path, without_note) == 1
    assert [len(line) for line in path.read_bytes().split(b"\n")] == before
    assert rewrite_own(path, lambda e: None) == 0
