"""A document written in place (no X.tmp, no rename) is read only once it holds still.

It used to be read half-written and quarantined, and its producer then finished writing
it inside quarantine/. The producer here is another process writing a real file; time is
the inbox's injected clock (SETTLE is measured on it), so nothing sleeps.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.inbox.folder.inbox import SETTLE, FolderInbox
from tests.faults.in_place_writer import InPlaceWriter

DOC = b'{"name": "Jan Jansen", "phone": "06 12345678", "message": "Is de Golf er nog?"}'
HALF = len(DOC) // 2
WAIT_S = 10.0  # a deadline for the watcher's notice, never a pause


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime.now(UTC))  # the files' times are real: start from them


@pytest.fixture
def quiet(root: Path, clock: FakeClock) -> Iterator[FolderInbox]:
    """An inbox without change notifications, as on a network share."""
    with FolderInbox(root, "anna", "pc-anna", watch=False, now=clock.now) as box:
        yield box


@pytest.fixture
def watched(root: Path, clock: FakeClock) -> Iterator[FolderInbox]:
    with FolderInbox(root, "anna", "pc-anna", watch=True, now=clock.now) as box:
        assert box.watching
        yield box


class _Running:
    """A watcher that runs but reports nothing (its notices are late)."""

    running = True

    def stop(self) -> None:
        pass


def names(inbox: FolderInbox) -> list[str]:
    return [d.name for d in inbox.list_new()]


def notice(inbox: FolderInbox) -> None:
    """Wait (with a deadline) until the watcher has told the inbox about a change."""
    assert inbox.wait_for_change(WAIT_S)


def listed_on_notice(inbox: FolderInbox) -> list[str]:
    """The names in new/ once the watcher's notices list one (a deadline, no pause)."""
    deadline = time.monotonic() + WAIT_S
    while not (listed := names(inbox)) and time.monotonic() < deadline:
        inbox.wait_for_change(deadline - time.monotonic())
    return listed


def test_without_notifications_it_waits_until_size_and_time_hold(
    root: Path, quiet: FolderInbox, clock: FakeClock
) -> None:
    with InPlaceWriter(root / "new" / "lead.json") as producer:
        assert names(quiet) == []  # created, still empty
        producer.write(DOC[:HALF])
        clock.advance(seconds=0.2)
        assert names(quiet) == []  # it grew since the last look
        producer.write(DOC[HALF:])
        producer.close()
        clock.advance(seconds=0.2)
        assert names(quiet) == []  # grew again: the moment starts over
        clock.advance(SETTLE.total_seconds() / 2)
        assert names(quiet) == []
        clock.advance(SETTLE.total_seconds() / 2)
        [doc] = quiet.list_new()
    assert quiet.read(doc, 1000) == DOC


def test_a_held_document_wakes_the_reader_when_it_may_hold_still(
    root: Path, quiet: FolderInbox, clock: FakeClock
) -> None:
    with InPlaceWriter(root / "new" / "lead.json"):
        assert names(quiet) == []
        clock.advance(SETTLE.total_seconds())
        assert quiet.wait_for_change(WAIT_S)  # at once: look again now
        assert not quiet.wait_for_change(0)  # once: no busy loop while nobody re-lists
        assert names(quiet) == ["lead.json"]  # empty and still: the engine will say so


def test_with_notifications_it_is_read_when_the_producer_closes_it(
    root: Path, watched: FolderInbox
) -> None:
    with InPlaceWriter(root / "new" / "lead.json") as producer:
        producer.write(DOC[:HALF])
        notice(watched)
        assert names(watched) == []  # written and still open: no clock would tell
        producer.write(DOC[HALF:])
        producer.close()
        assert listed_on_notice(watched) == ["lead.json"]  # closed: no wait to hold still
        [doc] = watched.list_new()
    assert watched.read(doc, 1000) == DOC


def test_a_renamed_document_is_read_at_once(
    root: Path, watched: FolderInbox, quiet: FolderInbox
) -> None:
    """The producer contract (X.tmp, then rename) adds no wait, with or without notice."""
    tmp = root / "new" / "lead.json.tmp"
    tmp.write_bytes(DOC)
    os.rename(tmp, root / "new" / "lead.json")
    assert names(quiet) == ["lead.json"]  # no watcher: nothing says it is being written
    assert listed_on_notice(watched) == ["lead.json"]  # the rename's notice: no SETTLE


def test_with_notifications_a_fresh_file_waits_for_its_notice(
    root: Path, watched: FolderInbox, clock: FakeClock
) -> None:
    """A listing that runs before the watcher reported a new file (the timer's, or another
    file's notice) doesn't read it yet: written in place, it may be half there."""
    watched.close()  # its watcher stops: no notice will come for what lands now
    with FolderInbox(root, "anna", "pc-anna", watch=True, now=clock.now) as inbox:
        inbox._watcher.stop()  # type: ignore[union-attr]  # a watcher that is late, forever
        inbox._watcher = _Running()  # type: ignore[assignment]
        (root / "new" / "lead.json").write_bytes(DOC[:HALF])
        assert names(inbox) == []
        clock.advance(SETTLE.total_seconds())
        assert names(inbox) == ["lead.json"]  # no report, but it held still: read it


def test_a_listed_document_stays_listed_while_it_changes(
    root: Path, quiet: FolderInbox, clock: FakeClock
) -> None:
    """The engine takes a document's absence from new/ for a claim by a colleague."""
    (root / "new" / "lead.json").write_bytes(DOC)
    assert names(quiet) == ["lead.json"]
    with open(root / "new" / "lead.json", "ab") as fh:
        fh.write(b"\n")
    assert names(quiet) == ["lead.json"]


def test_quarantined_half_written_it_comes_back_once_when_finished(
    root: Path, quiet: FolderInbox, clock: FakeClock
) -> None:
    """Without notifications a half-written document can still be read on first sight: if
    it changes after quarantine (its producer was still writing), it gets one more look."""
    with InPlaceWriter(root / "new" / "lead.json") as producer:
        producer.write(DOC[:HALF])
        [doc] = quiet.list_new()
        assert quiet.read(doc, 1000) == DOC[:HALF]
        quiet.quarantine(doc, "malformed JSON")
        assert names(quiet) == []
        producer.write(DOC[HALF:])  # into quarantine/: the open file moved with its name
        producer.close()
        clock.advance(seconds=0.1)
        assert names(quiet) == []  # back in new/, waiting to hold still
        assert sorted(p.name for p in (root / "quarantine").iterdir()) == []
        clock.advance(SETTLE.total_seconds())
        [doc] = quiet.list_new()
    assert quiet.read(doc, 1000) == DOC
    quiet.quarantine(doc, "still not a lead")  # once only: now it stays
    with open(root / "quarantine" / "lead.json", "ab") as fh:
        fh.write(b" ")
    clock.advance(SETTLE.total_seconds())
    assert names(quiet) == []
    assert (root / "quarantine" / "lead.json.reason").read_text() == "still not a lead\n"


def test_an_unchanged_quarantined_document_stays(
    root: Path, quiet: FolderInbox, clock: FakeClock
) -> None:
    (root / "new" / "kapot.json").write_bytes(b"{not json")
    [doc] = quiet.list_new()
    quiet.quarantine(doc, "malformed JSON")
    for _ in range(3):
        clock.advance(seconds=60)
        assert names(quiet) == []
    assert (root / "quarantine" / "kapot.json.reason").exists()
