"""Change notifications: a fast path only; the caller re-lists on a timer anyway."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest
from folder_testing import Drop
from watchdog.events import (
    DirModifiedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
)

from app.inbox.folder import watcher
from app.inbox.folder.inbox import FolderInbox


def test_a_landing_document_wakes_the_waiter(root: Path, drop: Drop) -> None:
    with FolderInbox(root, "anna", "pc-anna") as inbox:
        assert inbox.watching
        assert not inbox.wait_for_change(0)
        producer = threading.Thread(target=drop, args=("a.json",))
        producer.start()
        assert inbox.wait_for_change(5)
        producer.join()


def test_a_colleagues_event_wakes_the_waiter(root: Path) -> None:
    with (
        FolderInbox(root, "marco", "pc-office") as manager,
        FolderInbox(root, "anna", "pc-anna", watch=False) as anna,
    ):
        assert not manager.wait_for_change(0)
        anna.append_event({"v": 1})
        assert manager.wait_for_change(5)


def test_without_watching_nothing_wakes_the_waiter(root: Path, drop: Drop) -> None:
    with FolderInbox(root, "anna", "pc-anna", watch=False) as inbox:
        drop("a.json")
        assert not inbox.watching
        assert not inbox.wait_for_change(0.05)


@pytest.mark.parametrize("watch", [True, False])
def test_close_wakes_a_blocked_waiter(root: Path, watch: bool) -> None:
    inbox = FolderInbox(root, "anna", "pc-anna", watch=watch)
    got: list[bool] = []
    waiter = threading.Thread(target=lambda: got.append(inbox.wait_for_change(60)))
    waiter.start()
    inbox.close()
    waiter.join(5)
    assert not waiter.is_alive() and got == [False]
    inbox.close()  # twice is fine


def test_a_watcher_that_cant_start_degrades_to_no_notifications(
    root: Path, drop: Drop, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: object) -> None:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(watcher.Observer, "start", refuse)
    with FolderInbox(root, "anna", "pc-anna") as inbox:
        assert not inbox.watching
        drop("a.json")
        assert not inbox.wait_for_change(0.05)
        assert [d.name for d in inbox.list_new()] == ["a.json"]


@pytest.mark.parametrize(
    ("event", "wakes"),
    [
        (FileMovedEvent("/i/new/a.json.tmp", "/i/new/a.json"), True),
        (FileMovedEvent("/i/new/a.json", "/i/claimed/anna/a.json"), True),
        (FileDeletedEvent("/i/new/a.json"), True),
        (FileModifiedEvent("/i/activity/anna@pc.jsonl"), True),
        (FileCreatedEvent("/i/new/a.json.tmp"), False),  # still being written
        (FileModifiedEvent("/i/new/a.json.tmp"), False),
        (FileOpenedEvent("/i/new/a.json"), False),  # somebody reading it
        (FileClosedNoWriteEvent("/i/new/a.json"), False),
        (DirModifiedEvent("/i/new"), False),  # the file event decides
    ],
)
def test_which_events_are_changes(event: FileSystemEvent, wakes: bool) -> None:
    changed = threading.Event()
    watcher._Handler(changed).dispatch(event)
    assert changed.is_set() is wakes
