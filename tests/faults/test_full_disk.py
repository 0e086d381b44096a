"""A full local disk: the data folder (the store) on a small tmpfs that fills up, the shared
inbox a normal folder, leads dropped by a producer in another process.

It used to be: Enter claimed the lead (the document moved to claimed/anna/) while the
alert said "Inbox unreachable, try again"; leads landing meanwhile never alerted; and
"database or disk is full" came on every poll. Now the disk is told from the inbox and
said once, leads alert from memory, and the first poll with room stores all of it.
"""

from __future__ import annotations

import errno
import json
import logging
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from producer_process import ProducerProcess
from showroom import WED_10, Showroom

from app.core.clock import FakeClock
from app.inbox.folder.inbox import LAYOUT

DISK = "4m"
LANDED = 12
POLLS_BETWEEN = 3  # the worker's 2 s polls between two leads


class SmallDisk:
    """A tmpfs of DISK bytes (root only); `fill` leaves it no byte, `free` gives them back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={DISK}", "tmpfs", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"can't mount a small tmpfs here: {done.stderr.strip()}")
        self.filler = path / "filler"

    def fill(self) -> None:
        for size in (65536, 1):  # big blocks, then the last bytes
            try:
                with self.filler.open("ab") as f:
                    while True:
                        f.write(b"\0" * size)
                        f.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC

    def free(self) -> None:
        self.filler.unlink()

    def unmount(self) -> None:
        subprocess.run(["umount", str(self.path)], check=True)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Showroom, SmallDisk]]:
    disk = SmallDisk(tmp_path / "data-anna")  # Showroom's data folder for anna
    showroom = Showroom(tmp_path / "share", FakeClock(WED_10))
    for sub in LAYOUT:
        (showroom.root / sub).mkdir(parents=True, exist_ok=True)
    yield showroom, disk
    showroom.close()  # the store closed before its disk goes
    disk.unmount()


def test_a_full_disk_is_said_once_alerts_from_memory_and_catches_up(
    room: tuple[Showroom, SmallDisk],
    caplog: pytest.LogCaptureFixture,
    figures: Callable[[str], None],
) -> None:
    showroom, disk = room
    clock = showroom.clock
    anna, bram = showroom.desk("anna"), showroom.desk("bram")
    assert anna.poll().health.ok and anna.store.db.execute("select 1").fetchone()
    disk.fill()
    caplog.set_level(logging.WARNING, logger="app.engine.desk")
    alerted: set[str] = set()
    mine, theirs, full_states, polls = [], [], [], 0
    with ProducerProcess(showroom.root) as producer:
        for n in range(LANDED):
            assert producer.drop(n)
            for _ in range(POLLS_BETWEEN):
                result = anna.poll()  # raises nothing: the disk is not the inbox
                polls += 1
                assert result.health.ok
                full_states.append(result.health.disk_full)
                clock.advance(seconds=2)
            alerted |= {v.id for v in anna.alertable()}
            lead = f"fault-{n}"
            if n % 3 == 0:
                outcome = anna.claim(lead, calling=True)
                assert outcome.won and outcome.error is None  # never "inbox unreachable"
                mine.append(lead)
            elif n % 3 == 1:
                bram.poll()
                assert bram.claim(lead).won
                theirs.append(lead)
    landed = {f"fault-{n}" for n in range(LANDED)}
    assert alerted == landed  # every lead alerted, from memory
    assert {v.id for v in anna.alertable()} == landed - set(mine) - set(theirs)
    assert {v.id for v in anna.my_leads()} == set(mine)
    said = [r for r in caplog.records if "disk is full" in r.getMessage()]
    changes = sum(1 for a, b in zip([False, *full_states], full_states, strict=False) if a != b)
    assert len(said) == 1 and changes == 1 and all(full_states)
    stored_while_full = sum(anna.store.lead(lead) is not None for lead in landed)

    disk.free()
    clock.advance(seconds=2)
    anna.poll()
    assert not anna.health.disk_full
    stored = {lead for lead in landed if anna.store.lead(lead) is not None}
    owners = {lead: anna.store.lead(lead)["owner"] for lead in stored}  # type: ignore[index]
    assert stored == landed
    assert {lead for lead, owner in owners.items() if owner == "anna"} == set(mine)
    assert {lead for lead, owner in owners.items() if owner == "bram"} == set(theirs)
    assert not list(anna.store.outbox()) and anna.store.intents() == []
    bram.poll()
    events = [
        json.loads(line)
        for log in (showroom.root / "activity").glob("*.jsonl")
        for line in log.read_text("utf-8").splitlines()
    ]
    claims = Counter(e["lead"] for e in events if e["type"] == "claimed")
    assert claims == Counter(mine + theirs)  # each exactly once
    assert len({e["id"] for e in events}) == len(events)  # no line twice
    assert {v.id for v in anna.alertable()} == landed - set(mine) - set(theirs)
    figures(
        f"full disk ({DISK} tmpfs under the store, the inbox fine): {LANDED} leads landed "
        f"while full ({stored_while_full} could be stored), {len(alerted)}/{LANDED} alerted "
        f"from memory, {len(mine)} claimed here (0 said 'inbox unreachable'), "
        f"'disk is full' said {len(said)} time(s) in {polls} polls, 0 failed polls; "
        f"space freed: {len(stored)}/{LANDED} stored in 1 poll, "
        f"{sum(claims.values())} claimed events each once, 0 duplicate lines"
    )
