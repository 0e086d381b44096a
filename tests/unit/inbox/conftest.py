"""Fixtures for the folder backend's own tests: a real folder in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from folder_testing import NOW, Drop

from app.inbox.folder.inbox import FolderInbox
from tests.leak_check import no_leaked_threads

_no_leaked_threads = pytest.fixture(autouse=True)(no_leaked_threads)


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
