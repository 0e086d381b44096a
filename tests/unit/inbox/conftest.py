"""Fixtures for the folder backend's own tests: a real folder in tmp_path."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from folder_testing import NOW, Drop

from app.inbox.folder import FolderInbox


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a thread running: close() must stop and join the watcher."""
    before = set(threading.enumerate())
    yield
    leaked = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


@pytest.fixture
def inbox(root: Path) -> Iterator[FolderInbox]:
    with FolderInbox(root, "anna", "pc-anna", watch=False, now=lambda: NOW) as box:
        yield box


@pytest.fixture
def drop(root: Path) -> Drop:
    """Land a document as a producer does: X.tmp, then rename. `at` = its mtime."""

    def put(name: str, data: bytes = b"{}", at: datetime | None = None) -> Path:
        new = root / "new"
        new.mkdir(exist_ok=True)
        tmp = new / f"{name}.tmp"
        tmp.write_bytes(data)
        when = (at or NOW).timestamp()
        os.utime(tmp, (when, when))
        final = new / name
        os.rename(tmp, final)
        return final

    return put
