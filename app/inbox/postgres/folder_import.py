"""Reading a folder inbox whole, for `leadpop migrate-inbox`: every document in every state.

The folder's layout is the folder backend's (app.inbox.folder.inbox); this only reads it,
and never changes the folder: the old inbox stays as it was, a fallback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.inbox.base import InboxConfigError
from app.inbox.folder.inbox import USER_MARKER

REASON = ".reason"


@dataclass(frozen=True)
class FolderDoc:
    name: str
    received_at: datetime
    data: bytes
    state: str  # new | claimed | quarantine | duplicate
    owner: str | None = None
    reason: str | None = None


def _files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith(".") or name.lower().endswith((".tmp", REASON)) or not path.is_file():
            continue
        yield path


def _doc(path: Path, state: str, owner: str | None = None) -> FolderDoc:
    landed = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    reason = None
    if state in ("quarantine", "duplicate"):
        note = path.with_name(path.name + REASON)
        reason = note.read_text("utf-8", "replace").strip() if note.exists() else ""
    return FolderDoc(path.name, landed, path.read_bytes(), state, owner, reason)


def _owner(folder: Path) -> str:
    """The real user name behind claimed/<folder> (see the folder backend's .user marker)."""
    marker = folder / USER_MARKER
    try:
        text = marker.read_text("utf-8", "replace").strip()
    except OSError:
        return folder.name
    return text if text and "\n" not in text else folder.name


def folder_documents(root: Path) -> Iterator[FolderDoc]:
    """Every document of the folder inbox at `root`. Raises InboxConfigError, OSError."""
    if not (root / "new").is_dir():
        raise InboxConfigError(f"{root} is not a folder inbox (it has no new/ folder)")
    for path in _files(root / "new"):
        yield _doc(path, "new")
    claimed = root / "claimed"
    if claimed.is_dir():
        for folder in sorted(claimed.iterdir()):
            if folder.is_dir() and not folder.name.startswith("."):
                owner = _owner(folder)
                for path in _files(folder):
                    if path.name != USER_MARKER:
                        yield _doc(path, "claimed", owner)
    for sub, state in (("quarantine", "quarantine"), ("duplicates", "duplicate")):
        for path in _files(root / sub):
            yield _doc(path, state)
