"""An inbox that comes and goes: missing at start (autostart before the share is mounted),
an empty mount point, and a share unmounted and mounted again while the team works.

A shared folder missing at start used to be "does not exist" once, and then nothing until
Leadpop was restarted. Now it is an outage like any other: the engine backs off and
retries, and takes the leads in once the share is there. An empty folder is never made
into a private inbox that no colleague sees.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from producer_process import ProducerProcess
from showroom import WED_10, Showroom

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.folder.inbox import LAYOUT

OUTAGES = 12


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Showroom]:
    showroom = Showroom(tmp_path / "share", FakeClock(WED_10))
    yield showroom
    showroom.close()


def mount(root: Path) -> None:
    """The share appears: the dealership's inbox, made long ago on the server."""
    for sub in LAYOUT:
        (root / sub).mkdir(parents=True, exist_ok=True)


def poll_until_up(desk: Desk, clock: FakeClock, limit: int = 20) -> int:
    """Poll as the worker does (every 2 s, the engine backing off); the polls it took."""
    for polls in range(1, limit + 1):
        if desk.poll().health.ok and desk.health.ok:
            return polls
        clock.advance(seconds=2)
    raise AssertionError(f"still down after {limit} polls: {desk.health.error}")


def test_a_share_missing_at_start_is_retried(
    room: Showroom, figures: Callable[[str], None]
) -> None:
    anna = room.desk("anna")  # no error: the app keeps going
    for _ in range(3):
        assert not anna.poll().health.ok
        room.clock.advance(seconds=2)
    assert "unreachable" in (anna.health.error or "")
    assert not room.root.exists()  # and nothing was made in its place
    mount(room.root)
    with ProducerProcess(room.root) as producer:
        assert producer.drop(1)
    polls = poll_until_up(anna, room.clock)
    assert [v.id for v in anna.alertable()] == ["fault-1"]
    figures(
        f"inbox missing at start: retried with back-off, up {polls} poll(s) after the share "
        "was mounted, its lead taken in"
    )


def test_the_app_opens_a_missing_share_instead_of_giving_up(room: Showroom) -> None:
    from app.ui.workers.desk_worker import default_inbox

    inbox = default_inbox(room.config("anna"))
    try:
        assert not inbox.watching
    finally:
        inbox.close()
    assert not room.root.exists()


def test_an_empty_mount_point_is_not_made_an_inbox(
    room: Showroom, figures: Callable[[str], None]
) -> None:
    room.root.mkdir()  # the mount point, the share not mounted on it
    anna = room.desk("anna")
    assert not anna.poll().health.ok
    assert "no new/ folder" in (anna.health.error or "")
    assert list(room.root.iterdir()) == []
    mount(room.root)
    room.clock.advance(seconds=60)
    assert anna.poll().health.ok
    figures("empty mount point: left empty (no private inbox), used once the share was there")


def test_a_share_that_comes_and_goes_loses_and_doubles_nothing(
    room: Showroom, figures: Callable[[str], None]
) -> None:
    mount(room.root)
    anna, bram = room.desk("anna"), room.desk("bram")
    away = room.root.with_name("share-unmounted")
    landed, claimed, called = [], 0, 0
    with ProducerProcess(room.root) as producer:
        for n in range(OUTAGES):
            assert producer.drop(n)
            landed.append(f"fault-{n}")
            poll_until_up(anna, room.clock)
            if anna.claim(f"fault-{n}").won:
                claimed += 1
            room.root.rename(away)  # unmounted mid-work
            assert not producer.drop(1000 + n)  # the bridge can't drop: it waits
            anna.record_call(f"fault-{n}", "voicemail")  # kept in the outbox meanwhile
            called += 1
            assert not anna.poll().health.ok
            assert not bram.poll().health.ok
            away.rename(room.root)  # mounted again
            room.clock.advance(seconds=61)  # past the longest back-off
            poll_until_up(bram, room.clock)
    poll_until_up(anna, room.clock)
    assert not list(anna.store.outbox())
    events = [
        json.loads(line)
        for log in (room.root / "activity").glob("*.jsonl")
        for line in log.read_text("utf-8").splitlines()
    ]
    per_kind = Counter((e["type"], e["lead"]) for e in events)
    assert all(per_kind[("claimed", lead)] == 1 for lead in landed)
    assert all(per_kind[("call", lead)] == 1 for lead in landed)
    assert len({e["id"] for e in events}) == len(events)  # no line twice
    bram.poll()
    assert {v.id for v in bram.alertable()} & set(landed) == set()  # bram saw every claim
    figures(
        f"inbox unmounted and mounted {OUTAGES} times mid-work: {len(landed)}/{OUTAGES} leads "
        f"taken in, {claimed} claims and {called} calls each logged exactly once "
        f"(0 lost, 0 doubled)"
    )
