"""Whatever lands in new/, the listing goes on: what can't be a document is set aside.

One file with a backslash or bytes that aren't UTF-8 in its name used to make every poll
on every PC raise; a folder, a link or a pipe sat in new/ forever with no word; a 255-byte
name was quarantined without its X.reason (the reason file's name was too long).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from folder_testing import Drop

from app.inbox.base import InboxUnavailable
from app.inbox.folder.inbox import FolderInbox, UnreadableDocument


def _raw(new: Path, name: bytes) -> bytes:
    """The path of a file named by raw bytes (not every name is text)."""
    return os.path.join(os.fsencode(new), name)


def _write(path: bytes | Path, data: bytes = b"{}") -> None:
    with open(path, "wb") as fh:
        fh.write(data)


ODD: dict[str, tuple[Callable[[Path], None], str]] = {
    "backslash": (lambda new: _write(new / "web\\lead.json"), "backslash"),
    "not UTF-8": (lambda new: _write(_raw(new, b"lead-\xff\xfe.json")), "isn't valid UTF-8"),
    "control character": (lambda new: _write(new / "lead\n2.json"), "control character"),
    "folder": (lambda new: (new / "batch.json").mkdir(), "a folder"),
    "link": (lambda new: (new / "link.json").symlink_to(new.parent / "elsewhere"), "a link"),
    "pipe": (lambda new: os.mkfifo(new / "pipe.json"), "not a regular file"),
}


def _quarantined(root: Path) -> dict[bytes, str]:
    """quarantine/: each set-aside entry's (raw) name -> its reason."""
    kept = root / "quarantine"
    out = {}
    for name in os.listdir(os.fsencode(kept)):
        if not name.endswith(b".reason") and not name.startswith(b"."):
            with open(_raw(kept, name + b".reason"), encoding="utf-8") as fh:
                out[name] = fh.read()
    return out


@pytest.mark.parametrize("kind", sorted(ODD))
def test_an_odd_entry_is_set_aside_with_a_reason_and_the_listing_goes_on(
    root: Path, inbox: FolderInbox, drop: Drop, kind: str
) -> None:
    make, why = ODD[kind]
    drop("a.json")
    make(root / "new")
    drop("b.json")
    assert [d.name for d in inbox.list_new()] == ["a.json", "b.json"]
    assert sorted(os.listdir(os.fsencode(root / "new"))) == [b"a.json", b"b.json"]
    [(kept, reason)] = _quarantined(root).items()
    assert why in reason and reason.endswith("\n") and reason.count("\n") == 1
    kept.decode("utf-8")  # kept under a name every PC can use
    assert b"\\" not in kept and all(c >= 0x20 for c in kept)
    assert inbox.list_new() != []  # and the next listing is quiet about it


def test_a_renamed_entry_says_what_it_was_called(root: Path, inbox: FolderInbox) -> None:
    _write(_raw(root / "new", b"klant-\xe9.json"))
    inbox.list_new()
    [(kept, reason)] = _quarantined(root).items()
    assert kept == b"klant-_.json"
    assert "klant-\\xe9.json" in reason  # the bytes as they were, readable


def test_two_pcs_setting_aside_one_odd_entry_keep_one_copy(root: Path, inbox: FolderInbox) -> None:
    (root / "new" / "batch.json").mkdir()
    with FolderInbox(root, "bram", "pc-bram", watch=False) as bram:
        assert inbox.list_new() == bram.list_new() == []
    assert list(_quarantined(root)) == [b"batch.json"]


def test_a_255_byte_name_is_quarantined_with_its_reason(root: Path, inbox: FolderInbox) -> None:
    long = "l" * 250 + ".json"  # the longest name a file can have
    for n in range(2):
        _write(root / "new" / long, b"not JSON %d" % n)
        [doc] = inbox.list_new()
        inbox.quarantine(doc, "malformed JSON")
    kept = _quarantined(root)
    assert len(kept) == 2 and all(len(name) + len(b".reason") <= 255 for name in kept)
    assert all(name.endswith(b".json") for name in kept)
    for reason in kept.values():
        assert reason.startswith("malformed JSON (its name in new/ was 'lll")
        assert long in reason


def test_a_255_byte_duplicate_is_set_aside_with_its_reason(root: Path, inbox: FolderInbox) -> None:
    long = "d" * 250 + ".json"
    _write(root / "new" / long)
    [doc] = inbox.list_new()
    inbox.set_aside_duplicate(doc, "a.json")
    [reason] = [p for p in (root / "duplicates").iterdir() if p.name.endswith(".reason")]
    assert reason.read_text().startswith("duplicate of a.json (its name in new/ was")


def test_a_document_swapped_for_a_folder_after_listing_is_its_own_problem(
    root: Path, inbox: FolderInbox, drop: Drop
) -> None:
    """Not an outage of the whole inbox: only that document is set aside (by the engine)."""
    drop("a.json")
    [doc] = inbox.list_new()
    (root / "new" / "a.json").unlink()
    (root / "new" / "a.json").mkdir()
    with pytest.raises(UnreadableDocument, match=r"can.t be read|no longer a regular file"):
        inbox.read(doc, 1000)
    (root / "new" / "a.json").rmdir()
    os.mkfifo(root / "new" / "a.json")  # a pipe: reading must not wait for a writer
    with pytest.raises(UnreadableDocument, match="no longer a regular file"):
        inbox.read(doc, 1000)


def test_an_odd_entry_that_cant_be_moved_is_skipped_and_said_once(
    root: Path, inbox: FolderInbox, caplog: pytest.LogCaptureFixture
) -> None:
    (root / "new" / "batch.json").mkdir()
    (root / "quarantine").rmdir()  # set-aside fails; new/ itself is fine
    _write(root / "new" / "a.json")
    for _ in range(3):
        assert [d.name for d in inbox.list_new()] == ["a.json"]
    assert caplog.text.count("can't set aside") == 1


def test_an_odd_entry_never_hides_an_outage(root: Path, inbox: FolderInbox) -> None:
    (root / "new" / "batch.json").mkdir()
    root.rename(root.with_name("away"))
    with pytest.raises(InboxUnavailable, match="unreachable"):
        inbox.list_new()
