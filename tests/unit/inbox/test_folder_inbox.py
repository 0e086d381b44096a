"""The folder backend beyond the contract: layout, names, costs, errors."""

from __future__ import annotations

import errno
import json
import os
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from folder_testing import NOW, Drop

from app.inbox.base import (
    ClaimResult,
    DocumentGone,
    InboxConfigError,
    InboxDoc,
    InboxUnavailable,
)
from app.inbox.folder.inbox import LAYOUT, FolderInbox, safe_name

# -- opening -------------------------------------------------------------------------------


def test_a_missing_folder_is_a_config_error_and_is_not_made(tmp_path: Path) -> None:
    where = tmp_path / "nowhere"
    with pytest.raises(InboxConfigError, match=r"^inbox folder .*nowhere does not exist$"):
        FolderInbox(where, "anna", "pc-anna", watch=False)
    assert not where.exists()


def test_a_share_missing_at_start_is_an_outage_for_the_app_and_then_works(
    tmp_path: Path,
) -> None:
    """Autostart often runs before the network share is mounted: retry, don't give up."""
    where = tmp_path / "share"
    with FolderInbox(where, "anna", "pc-anna", watch=True, missing_ok=True) as inbox:
        for attempt in (inbox.list_new, inbox.check, lambda: inbox.read_events({})):
            with pytest.raises(InboxUnavailable, match="unreachable"):
                attempt()
        assert not where.exists() and not inbox.watching
        for sub in LAYOUT:  # the share is mounted
            (where / sub).mkdir(parents=True)
        assert inbox.list_new() == []
        inbox.check()
        assert inbox.watching  # and change notifications start with it


def test_an_empty_folder_is_not_made_an_inbox_unless_asked(tmp_path: Path) -> None:
    """An empty mount point (the share not mounted yet) must not become a private inbox."""
    where = tmp_path / "mnt" / "leads"
    where.mkdir(parents=True)
    with FolderInbox(where, "anna", "pc-anna", watch=False, new_inbox=False) as inbox:
        with pytest.raises(InboxUnavailable, match=r"to start a new inbox there, make .* new/"):
            inbox.list_new()
        assert list(where.iterdir()) == []
        (where / "new").mkdir()  # the share, mounted: an inbox, even if not complete
    with FolderInbox(where, "anna", "pc-anna", watch=False, new_inbox=False) as inbox:
        assert inbox.list_new() == []
        assert sorted(p.name for p in where.iterdir()) == sorted(LAYOUT)


def test_a_file_is_not_an_inbox(tmp_path: Path) -> None:
    (tmp_path / "inbox").write_text("no")
    with pytest.raises(InboxConfigError, match="is not a folder"):
        FolderInbox(tmp_path / "inbox", "anna", "pc-anna", watch=False)


def test_create_makes_the_embedded_inbox(tmp_path: Path) -> None:
    where = tmp_path / "data" / "inbox"
    with FolderInbox(where, "anna", "pc-anna", watch=False, create=True) as inbox:
        assert inbox.location == str(where)
        assert sorted(p.name for p in where.iterdir()) == sorted(LAYOUT)
        inbox.check()


def test_opening_completes_the_layout_and_keeps_what_is_there(root: Path, drop: Drop) -> None:
    drop("a.json", b"keep")
    with FolderInbox(root, "anna", "pc-anna", watch=False):
        assert sorted(p.name for p in root.iterdir()) == sorted(LAYOUT)
    assert (root / "new" / "a.json").read_bytes() == b"keep"


# -- listing -------------------------------------------------------------------------------


def test_list_new_scans_new_only_never_the_claimed_history(
    root: Path, inbox: FolderInbox, drop: Drop, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = root / "claimed" / "bram"
    history.mkdir()
    (history / "old-0.json").write_bytes(b"{}")
    for n in range(1, 20_000):
        os.link(history / "old-0.json", history / f"old-{n}.json")  # quicker than new files
    drop("a.json")
    scanned: list[str] = []
    real_scandir, real_listdir = os.scandir, os.listdir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        scanned.append(os.fspath(path))
        return real_scandir(path)

    def listdir(path: str | os.PathLike[str] = ".") -> list[str]:
        scanned.append(os.fspath(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    assert [d.name for d in inbox.list_new()] == ["a.json"]
    assert scanned == [str(root / "new")]
    scanned.clear()
    # Finding a holder costs O(salespeople): claimed/ itself, never claimed/<user>/.
    assert inbox.claimed_by("old-7.json") == "bram"
    assert scanned == [str(root / "claimed")]


def test_a_future_mtime_is_clamped_to_now(inbox: FolderInbox, drop: Drop) -> None:
    drop("future.json", at=NOW + timedelta(hours=1))
    drop("past.json", at=NOW - timedelta(seconds=30))
    docs = {d.name: d.received_at for d in inbox.list_new()}
    assert docs == {"future.json": NOW, "past.json": NOW - timedelta(seconds=30)}


def test_list_new_skips_what_is_not_a_landed_document(
    root: Path, inbox: FolderInbox, drop: Drop
) -> None:
    new = root / "new"
    drop("a.json")
    (new / "b.json.tmp").write_bytes(b"{}")
    (new / "C.JSON.TMP").write_bytes(b"{}")
    (new / ".hidden.json").write_bytes(b"{}")
    (new / "Thumbs.db").write_bytes(b"")
    (new / "desktop.ini").write_bytes(b"")
    (new / "folder.json").mkdir()
    (new / "link.json").symlink_to(new / "a.json")
    (new / "mail.eml").write_bytes(b"From: x")
    assert [d.name for d in inbox.list_new()] == ["a.json", "mail.eml"]
    # Never a document: set aside with a reason (test_folder_odd_entries), never followed.
    assert sorted(p.name for p in (root / "quarantine").iterdir()) == [
        "folder.json",
        "folder.json.reason",
        "link.json",
        "link.json.reason",
    ]


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "folder"),
    [
        ("anna", "anna"),
        ("Anna de Vries", "Anna_de_Vries"),
        ("José Müller-Öztürk", "José_Müller-Öztürk"),
        (unicodedata.normalize("NFD", "José"), "José"),  # one folder however it was typed
        ("a/b\\c:d*e?", "a_b_c_d_e_"),
        (" anna.b ", "anna.b"),
        ("anna.", "anna"),
        (".anna", "_anna"),
        ("..", None),
        ("CON", "_CON"),
        ("lpt1.x", "_lpt1.x"),
        ("", None),
        ("   ", None),
        ("///", None),
        ("-", None),
    ],
)
def test_user_names_become_safe_folder_names(user: str, folder: str | None) -> None:
    if folder is None:
        with pytest.raises(InboxConfigError, match="can't be used"):
            safe_name(user)
    else:
        assert safe_name(user) == folder


def test_an_unusable_user_name_is_refused_on_opening(root: Path) -> None:
    with pytest.raises(InboxConfigError, match="user name"):
        FolderInbox(root, " ", "pc-anna", watch=False)


def test_a_sanitized_user_is_shown_by_the_real_name(root: Path, drop: Drop) -> None:
    drop("a.json")
    with (
        FolderInbox(root, "Anna de Vries", "pc 1", watch=False) as anna,
        FolderInbox(root, "bram", "pc-bram", watch=False) as bram,
    ):
        assert anna.claim("a.json", "Anna de Vries") == ClaimResult(True, "Anna de Vries")
        assert (root / "claimed" / "Anna_de_Vries" / "a.json").is_file()
        assert bram.claim("a.json", "bram") == ClaimResult(False, "Anna de Vries")
        assert bram.claimed_by("a.json") == "Anna de Vries"
        anna.append_event({"v": 1})
        assert [p.name for p in (root / "activity").iterdir()] == ["Anna_de_Vries@pc_1.jsonl"]
        assert anna.list_new() == []  # the marker file is no document anywhere


def test_a_tampered_name_marker_is_not_believed(root: Path, inbox: FolderInbox, drop: Drop) -> None:
    drop("a.json")
    assert inbox.claim("a.json", "Anna de Vries").won
    (root / "claimed" / "Anna_de_Vries" / ".user").write_text("Bram\n")
    assert inbox.claimed_by("a.json") == "Anna_de_Vries"


@pytest.mark.parametrize("name", ["", ".", "..", "../a.json", "a/b.json", "a\\b.json", "a\0"])
def test_document_names_never_reach_outside_the_inbox(inbox: FolderInbox, name: str) -> None:
    with pytest.raises(ValueError, match="not a document name"):
        inbox.claim(name, "anna")
    with pytest.raises(ValueError, match="not a document name"):
        inbox.read(InboxDoc(name, NOW, 1), 1000)


# -- never overwrite, never delete ---------------------------------------------------------


def test_quarantine_never_overwrites_an_earlier_document_of_that_name(
    root: Path, inbox: FolderInbox, drop: Drop
) -> None:
    drop("a.json", b"first")
    inbox.quarantine(inbox.list_new()[0], "bad one")
    drop("a.json", b"second")
    inbox.quarantine(inbox.list_new()[0], "bad two")
    kept = root / "quarantine"
    assert sorted(p.name for p in kept.iterdir()) == [
        "a.2.json",
        "a.2.json.reason",
        "a.json",
        "a.json.reason",
    ]
    assert (kept / "a.json").read_bytes() == b"first"
    assert (kept / "a.2.json").read_bytes() == b"second"
    assert (kept / "a.2.json.reason").read_text() == "bad two\n"


def test_claim_never_overwrites_what_i_already_hold(
    root: Path, inbox: FolderInbox, drop: Drop
) -> None:
    (root / "claimed" / "anna").mkdir()
    (root / "claimed" / "anna" / "a.json").write_bytes(b"mine")
    drop("a.json", b"another one, same name")
    assert inbox.claim("a.json", "anna") == ClaimResult(True, "anna")
    assert (root / "claimed" / "anna" / "a.json").read_bytes() == b"mine"
    assert (root / "new" / "a.json").read_bytes() == b"another one, same name"


def test_release_never_overwrites_a_document_in_new(
    root: Path, inbox: FolderInbox, drop: Drop
) -> None:
    drop("a.json", b"mine")
    assert inbox.claim("a.json", "anna").won
    drop("a.json", b"another one, same name")
    assert not inbox.release("a.json", "anna")
    assert (root / "claimed" / "anna" / "a.json").read_bytes() == b"mine"
    assert (root / "new" / "a.json").read_bytes() == b"another one, same name"


def test_release_keeps_when_it_landed(root: Path, inbox: FolderInbox, drop: Drop) -> None:
    drop("a.json", at=NOW - timedelta(minutes=5))
    assert inbox.claim("a.json", "anna").won
    assert inbox.release("a.json", "anna")
    assert inbox.list_new()[0].received_at == NOW - timedelta(minutes=5)


# -- the share going away ------------------------------------------------------------------


def test_read_tells_a_gone_document_from_a_gone_share(
    root: Path, inbox: FolderInbox, drop: Drop
) -> None:
    drop("a.json")
    [doc] = inbox.list_new()
    (root / "new" / "a.json").rename(root / "claimed" / "a.json")
    with pytest.raises(DocumentGone):
        inbox.read(doc, 1000)
    root.rename(root.with_name("away"))
    with pytest.raises(InboxUnavailable, match="unreachable"):
        inbox.read(doc, 1000)


def test_a_missing_layout_folder_is_an_outage_not_recreated(root: Path, inbox: FolderInbox) -> None:
    """An empty mount point looks like this: never start a private inbox in it."""
    (root / "new").rmdir()
    (root / "activity").rmdir()
    with pytest.raises(InboxUnavailable, match="new"):
        inbox.list_new()
    with pytest.raises(InboxUnavailable):
        inbox.append_event({"v": 1})
    with pytest.raises(InboxUnavailable, match="new/"):
        inbox.check()
    assert sorted(p.name for p in root.iterdir()) == ["claimed", "duplicates", "quarantine"]


def test_activity_folder_replaced_by_a_file_and_back(root: Path, inbox: FolderInbox) -> None:
    ts = "2026-11-25T10:00:00+01:00"
    ev = {"v": 1, "id": "e1", "ts": ts, "type": "sold", "lead": "l", "user": "anna", "host": "pc"}
    activity = root / "activity"
    activity.rename(root / "activity.away")
    activity.write_text("not a folder")
    for attempt in (lambda: inbox.append_event(ev), lambda: inbox.read_events({})):
        with pytest.raises(InboxUnavailable) as info:
            attempt()
        assert "\n" not in str(info.value)
    activity.unlink()
    (root / "activity.away").rename(activity)
    inbox.append_event(ev)
    assert inbox.read_events({})[0] == [ev]


@pytest.mark.parametrize(
    "code", [errno.EACCES, errno.ENOSPC, errno.EIO, errno.ENOTCONN, errno.ESTALE, errno.EROFS]
)
def test_os_errors_are_retryable_outages(
    inbox: FolderInbox, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def fail(*_: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)  # e.g. disk full when the event is flushed
    with pytest.raises(InboxUnavailable, match=os.strerror(code)) as info:
        inbox.append_event({"v": 1})
    assert "\n" not in str(info.value)
    monkeypatch.setattr(os, "scandir", fail)
    with pytest.raises(InboxUnavailable, match=os.strerror(code)):
        inbox.list_new()
    with pytest.raises(InboxUnavailable, match=os.strerror(code)):
        inbox.read_events({})


def test_check(root: Path, inbox: FolderInbox, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox.check()
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)  # tests run as root
    with pytest.raises(InboxConfigError, match="can't be written"):
        inbox.check()
    monkeypatch.undo()
    away = root.with_name("away")
    root.rename(away)
    with pytest.raises(InboxUnavailable, match="unreachable"):
        inbox.check()
    root.write_text("a file where the inbox was")
    with pytest.raises(InboxConfigError, match="not a folder"):
        inbox.check()
    root.unlink()
    away.rename(root)
    inbox.check()


def test_each_client_appends_only_to_its_own_file(root: Path) -> None:
    def ev(n: int, user: str) -> dict[str, object]:
        ts = "2026-11-25T10:00:00+01:00"
        return {"v": 1, "id": f"e{n}", "ts": ts, "type": "sold", "lead": "l", "user": user}

    with (
        FolderInbox(root, "anna", "pc-anna", watch=False) as anna,
        FolderInbox(root, "marco", "pc-office", watch=False) as manager,
    ):
        anna.append_event(ev(1, "anna"))
        manager.append_event(ev(2, "bram"))  # on behalf of bram: still the manager's file
        anna.append_event(ev(3, "anna"))
    logs = {
        p.name: [json.loads(line)["id"] for line in p.read_text().splitlines()]
        for p in (root / "activity").iterdir()
    }
    assert logs == {"anna@pc-anna.jsonl": ["e1", "e3"], "marco@pc-office.jsonl": ["e2"]}
