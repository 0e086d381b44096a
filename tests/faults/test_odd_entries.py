"""Odd entries in new/: nothing the poll can't handle stops it, on any PC.

One file whose name had a backslash or bytes that aren't UTF-8 used to make every poll on
every PC raise: no later lead was taken in, the outbox stopped, colleagues' events were
no longer read. A folder, a link or a pipe sat in new/ forever; a 255-byte name lost its
X.reason. Now each is set aside with a reason, and the team carries on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from showroom import WED_10, Showroom, lead_document

from app.core.clock import FakeClock
from app.inbox.folder.inbox import FolderInbox


def _raw(folder: Path, name: bytes) -> bytes:
    return os.path.join(os.fsencode(folder), name)


def _put(path: bytes | Path, data: bytes = b"{}") -> None:
    with open(path, "wb") as fh:
        fh.write(data)


# kind -> puts one odd entry into new/
ODD: dict[str, Callable[[Path], None]] = {
    "backslash in the name": lambda new: _put(new / "web\\lead.json", lead_document(900)),
    "name not UTF-8": lambda new: _put(_raw(new, b"lead-\xe9.json"), lead_document(901)),
    "control character in the name": lambda new: _put(new / "lead\t1.json"),
    "subfolder": lambda new: (new / "batch.json").mkdir(),
    "symlink": lambda new: (new / "link.json").symlink_to("/etc/hostname"),
    "FIFO": lambda new: os.mkfifo(new / "pipe.json"),
    "255-byte name, unreadable": lambda new: _put(new / ("x" * 250 + ".json"), b"{not json"),
}


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Showroom]:
    (tmp_path / "inbox").mkdir()
    showroom = Showroom(tmp_path / "inbox", FakeClock(WED_10))
    yield showroom
    showroom.close()


def _reasons(root: Path) -> dict[bytes, str]:
    """quarantine/: what was set aside (raw name) -> its reason."""
    kept, out = root / "quarantine", {}
    for name in os.listdir(os.fsencode(kept)):
        if name.endswith(b".reason"):
            with open(_raw(kept, name), encoding="utf-8") as fh:
                out[name[: -len(b".reason")]] = fh.read()
    return out


def test_odd_entries_never_stop_the_team(room: Showroom, figures: Callable[[str], None]) -> None:
    anna = room.desk("anna", create=True)  # the first PC sets the inbox up
    bram = room.desk("bram")
    new = room.root / "new"
    leads, failed_polls = [], 0
    for n, make in enumerate(ODD.values()):
        make(new)
        _put(new / f"lead-{n}.json", lead_document(n))
        leads.append(f"fault-{n}")
        for desk in (anna, bram):
            result = desk.poll()
            failed_polls += not result.health.ok
    assert failed_polls == 0
    for desk in (anna, bram):  # every lead reached every PC
        assert {v.id for v in desk.alertable()} >= set(leads)
    assert sorted(os.listdir(new)) == sorted(f"lead-{n}.json" for n in range(len(ODD)))
    reasons = _reasons(room.root)
    assert len(reasons) == len(ODD)  # each odd entry once, each with its reason
    assert all(r.endswith("\n") and r.count("\n") == 1 for r in reasons.values())
    # The team's log still flows both ways: anna's claim reaches bram's PC.
    assert anna.claim(leads[0]).won
    bram.poll()
    assert leads[0] not in {v.id for v in bram.alertable()}
    figures(
        f"odd entries in new/: {len(ODD)} kinds on 2 PCs, {len(reasons)} set aside with a "
        f"reason, {len(leads)}/{len(leads)} leads taken in on both, {failed_polls} failed polls"
    )


class _Swapping(FolderInbox):
    """A colleague's tool replaces a document by a folder between listing and reading."""

    def list_new(self):  # type: ignore[no-untyped-def]
        docs = super().list_new()
        for doc in docs:
            if doc.name == "swapped.json":
                (self.root / "new" / doc.name).unlink()
                (self.root / "new" / doc.name).mkdir()
        return docs


def test_a_document_that_fails_to_read_is_set_aside_and_the_poll_goes_on(
    room: Showroom,
) -> None:
    anna = room.desk("anna", create=True)
    anna.inbox.close()
    anna.inbox = _Swapping(room.root, "anna", "pc-anna", watch=False, now=room.clock.now)
    _put(room.root / "new" / "swapped.json", lead_document(1))
    _put(room.root / "new" / "good.json", lead_document(2))
    result = anna.poll()
    assert result.health.ok, result.health.error
    assert result.new_leads == ["fault-2"]
    [(name, reason)] = result.quarantined
    assert name == "swapped.json" and "directory" in reason.lower()
    assert "swapped.json" in {n.decode() for n in _reasons(room.root)}
