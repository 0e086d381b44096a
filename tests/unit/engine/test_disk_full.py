"""A full local disk (issue 19, point 4): the store's data folder on a small tmpfs that a
filler file fills up, the inbox a normal folder. The disk is told from the inbox, said
once, leads keep alerting from memory, and everything is stored when space returns."""

from __future__ import annotations

import errno
import json
import logging
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.base import ClaimResult
from app.inbox.folder.inbox import FolderInbox
from app.store.full import DiskFull, is_full
from tests.showroom import WED_10, Showroom, lead_doc


class SmallDisk:
    """A 4 MB tmpfs (root only): `fill` leaves it no free byte, `free` gives it back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"can't mount a small tmpfs here: {done.stderr.strip()}")
        self.filler = path / "filler"

    def fill(self) -> None:
        with self.filler.open("ab") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        # Whatever is left under a block: the last flush's tail.
        try:
            with self.filler.open("ab") as f:
                while True:
                    f.write(b"\0")
                    f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC

    def free(self) -> None:
        self.filler.unlink()

    def unmount(self) -> None:
        subprocess.run(["umount", str(self.path)], check=True)


class FullTeam(Showroom):
    """Anna's data folder on the small disk; the inbox and the others' on the normal one."""

    def __init__(self, root: Path, clock: FakeClock, disk: SmallDisk) -> None:
        super().__init__(root, clock, hours="always")
        self.disk = disk

    def desk_on_disk(self, user: str, share: type[FolderInbox] = FolderInbox) -> Desk:
        return self.desk(user, data=f"{self.disk.path.name}/data-{user}", share=share)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    d = SmallDisk(tmp_path / "small")
    yield d
    d.unmount()


@pytest.fixture
def team(tmp_path: Path, disk: SmallDisk) -> Iterator[FullTeam]:
    root = tmp_path / "inbox"
    (root / "new").mkdir(parents=True)
    t = FullTeam(root, FakeClock(WED_10), disk)
    yield t
    t.close()  # before the disk is unmounted


def log_events(root: Path) -> list[dict[str, object]]:
    return [
        json.loads(line)
        for log in (root / "activity").glob("*.jsonl")
        for line in log.read_text("utf-8").splitlines()
    ]


def test_sqlite_full_is_told_from_other_errors(disk: SmallDisk) -> None:
    db = sqlite3.connect(str(disk.path / "x.db"))
    try:
        db.execute("create table t (a)")
        db.commit()
        disk.fill()
        with pytest.raises(sqlite3.OperationalError) as full:
            db.execute("insert into t values (?)", ["x" * 4096])
            db.commit()
        assert is_full(full.value) and is_full(DiskFull())
        with pytest.raises(sqlite3.OperationalError) as other:
            db.execute("select * from no_such_table")
        assert not is_full(other.value)
    finally:
        db.close()


def test_a_claim_whose_confirm_cant_be_stored_is_still_won(team: FullTeam) -> None:
    """The reported case: the document moved to claimed/anna/, the alert said "Inbox
    unreachable". The disk fills while the claim is on the share."""

    class FillsOnClaim(FolderInbox):
        def claim(self, name: str, user: str) -> ClaimResult:
            team.disk.fill()
            return super().claim(name, user)

    anna = team.desk_on_disk("anna", FillsOnClaim)
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    outcome = anna.claim(lead_id, calling=True)
    assert outcome.won and outcome.owner == "anna" and outcome.error is None
    assert (team.root / "claimed" / "anna" / "a.json").exists()
    assert anna.health.disk_full and anna.health.ok  # the disk, not the inbox
    assert anna.alertable() == []  # it doesn't alert again
    assert [v.id for v in anna.my_leads()] == [lead_id]
    anna.poll()
    assert anna.poll().health.ok and anna.health.disk_full  # still full: no error, no loss
    team.disk.free()
    team.clock.advance(seconds=2)
    anna.poll()
    assert not anna.health.disk_full
    assert anna.store.lead(lead_id)["owner"] == "anna"  # type: ignore[index]
    assert not list(anna.store.outbox()) and anna.store.intents() == []
    claims = [e for e in log_events(team.root) if e["type"] == "claimed"]
    assert [e["lead"] for e in claims] == [lead_id]


def test_leads_landing_on_a_full_disk_alert_and_are_stored_when_space_returns(
    team: FullTeam, caplog: pytest.LogCaptureFixture
) -> None:
    anna = team.desk_on_disk("anna")
    bram = team.desk("bram")
    team.disk.fill()
    for n in range(3):
        team.drop(lead_doc(f"Klant{n} Jansen", f"06 1234567{n}"), f"{n}.json")
    caplog.set_level(logging.WARNING, logger="app.engine.desk")
    res = anna.poll()
    assert len(res.new_leads) == 3 and res.health.ok and res.health.disk_full
    alerts = [v.id for v in anna.alertable()]
    assert sorted(alerts) == sorted(res.new_leads)
    first, second, third = alerts
    assert anna.claim(first).won  # its intent held in memory too
    bram.poll()
    assert bram.claim(second).won  # a colleague's: gone here, from memory
    for _ in range(10):
        team.clock.advance(seconds=2)
        assert anna.poll().new_leads == []  # no lead twice
    assert [v.id for v in anna.alertable()] == [third]
    assert [v.id for v in anna.my_leads()] == [first]
    full = [r for r in caplog.records if "disk is full" in r.getMessage()]
    assert len(full) == 1  # said once over 11 polls
    team.disk.free()
    team.clock.advance(seconds=2)
    anna.poll()
    assert not anna.health.disk_full
    assert {anna.store.lead(i)["owner"] for i in (first, second, third)} == {  # type: ignore[index]
        "anna",
        "bram",
        None,
    }
    assert [v.id for v in anna.alertable()] == [third]
    bram.poll()
    events = log_events(team.root)
    assert Counter((e["type"], e["lead"]) for e in events)[("claimed", first)] == 1
    assert len({e["id"] for e in events}) == len(events)
    assert not list(anna.store.outbox())


def test_an_action_on_a_full_disk_says_so(team: FullTeam) -> None:
    anna = team.desk_on_disk("anna")
    team.drop(lead_doc(), "a.json")
    [lead_id] = anna.poll().new_leads
    assert anna.claim(lead_id).won
    team.disk.fill()
    with pytest.raises(DiskFull, match="this PC's disk is full"):
        anna.record_call(lead_id, "voicemail")
    assert anna.health.disk_full
    team.disk.free()
    team.clock.advance(seconds=2)
    anna.poll()
    assert anna.record_call(lead_id, "voicemail") == 1
    assert not anna.health.disk_full
