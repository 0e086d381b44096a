"""Documents written in place (no X.tmp, no rename), by producer processes, while PCs poll.

They used to be read half-written and quarantined, and the producer then finished writing
them inside quarantine/. Now a document is read once it holds still (or, with change
notifications, once its writer closed it), and one quarantined while still being written
goes back to new/ once it has changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from in_place_writer import InPlaceWriter
from showroom import Showroom, lead_document

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.folder.inbox import SETTLE

DOCUMENTS = 8
MESSAGE = " ".join(["Ik wil graag een proefrit maken met de Golf, liefst zaterdag."] * 4)
STEP_S = 0.2  # the clock moves this much between two polls while a producer writes
WAIT_S = 10.0


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Showroom]:
    (tmp_path / "inbox").mkdir()
    # The files' times are real, so the clock starts from real time and is moved by hand.
    showroom = Showroom(tmp_path / "inbox", FakeClock(datetime.now(UTC)))
    yield showroom
    showroom.close()


def chunks(n: int) -> list[bytes]:
    data = lead_document(n, MESSAGE)
    third = len(data) // 3
    return [data[:third], data[third : 2 * third], data[2 * third :]]


def complete(desk: Desk, n: int) -> bool:
    view = next((v for v in desk.alertable() if v.id == f"fault-{n}"), None)
    return view is not None and view.message == MESSAGE


def test_without_notifications_nothing_is_lost_half_written(
    room: Showroom, figures: Callable[[str], None]
) -> None:
    anna = room.desk("anna", create=True)
    quarantined, first_seen_half = 0, 0
    for n in range(DOCUMENTS):
        late_look = n % 2 == 1  # the first poll comes after the first write: read half
        with InPlaceWriter(room.root / "new" / f"lead-{n}.json") as producer:
            for i, part in enumerate(chunks(n)):
                if not (late_look and i == 0):
                    quarantined += len(anna.poll().quarantined)
                producer.write(part)
                room.clock.advance(seconds=STEP_S)
            first_seen_half += late_look
            quarantined += len(anna.poll().quarantined)
            producer.close()
        for _ in range(4):  # it holds still now: within SETTLE and a poll it is a lead
            room.clock.advance(seconds=STEP_S)
            quarantined += len(anna.poll().quarantined)
        assert complete(anna, n), n
    assert list((room.root / "quarantine").iterdir()) == []
    figures(
        f"written in place, no notifications: {DOCUMENTS} documents in 3 writes each "
        f"({first_seen_half} first seen half-written), {quarantined} quarantined on the way "
        f"and given their one more look, {DOCUMENTS}/{DOCUMENTS} leads complete, "
        f"0 left in quarantine"
    )


def poll_until(desk: Desk, done: Callable[[], bool]) -> int:
    """Poll on each of the watcher's notices until `done` (a deadline, never a pause)."""
    quarantined = len(desk.poll().quarantined)
    deadline = time.monotonic() + WAIT_S
    while not done() and time.monotonic() < deadline:
        desk.inbox.wait_for_change(deadline - time.monotonic())
        quarantined += len(desk.poll().quarantined)
    return quarantined


def test_with_notifications_a_document_is_read_when_its_writer_closes_it(
    room: Showroom, figures: Callable[[str], None]
) -> None:
    anna = room.desk("anna", create=True, watch=True)
    read_early = quarantined = 0
    for n in range(DOCUMENTS):
        with InPlaceWriter(room.root / "new" / f"lead-{n}.json") as producer:
            for part in chunks(n):
                producer.write(part)
                assert anna.inbox.wait_for_change(WAIT_S)
                result = anna.poll()
                quarantined += len(result.quarantined)
                read_early += len(result.new_leads)
            producer.close()
            quarantined += poll_until(anna, lambda n=n: complete(anna, n))  # type: ignore[misc]
        assert complete(anna, n), n
    assert read_early == quarantined == 0
    figures(
        f"written in place, with notifications: {DOCUMENTS} documents, {read_early} read "
        f"before their writer closed them, {quarantined} quarantined, "
        f"{DOCUMENTS}/{DOCUMENTS} leads complete (no wait of {SETTLE.total_seconds()} s needed)"
    )
