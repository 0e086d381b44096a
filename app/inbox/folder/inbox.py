"""The folder inbox: a shared folder (local, SMB or NFS) laid out like this:

    <inbox>/new/                 producers write X.tmp, then rename it to X
    <inbox>/claimed/<user>/      a claim = atomic rename new/X -> claimed/<user>/X
    <inbox>/quarantine/          unreadable documents, each with X.reason (one line)
    <inbox>/duplicates/          duplicates set aside, each with X.reason
    <inbox>/activity/<user>@<host>.jsonl

The layout is made when the inbox is opened. Later, a missing folder means the share is
gone (e.g. an empty mount point): we report it as unavailable instead of quietly making a
private local inbox that no colleague sees.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.text import one_line
from app.inbox import activity_log
from app.inbox.base import (
    ClaimResult,
    Cursor,
    DocumentGone,
    DocumentOverLimit,
    InboxConfigError,
    InboxDoc,
    InboxUnavailable,
)

if TYPE_CHECKING:
    from app.inbox.folder.watcher import ChangeWatcher

log = logging.getLogger(__name__)

LAYOUT = ("new", "claimed", "quarantine", "duplicates", "activity")
# claimed/<folder>/.user holds the real user name when sanitizing changed it.
USER_MARKER = ".user"
# Clutter that file managers drop into folders; never a lead.
_CLUTTER = frozenset({"thumbs.db", "desktop.ini"})
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}
)
_MAX_NAME = 64
# Windows refuses to rename a file another process (another PC) has open for a moment.
_RENAME_TRIES = 5
_RENAME_PAUSE_S = 0.05
_ASIDE_TRIES = 10


def safe_name(text: str, what: str = "user name") -> str:
    """`text` as a folder/file name on every OS: letters (accents too), digits, . _ -."""
    name = unicodedata.normalize("NFC", text.strip())
    name = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)
    name = name[:_MAX_NAME].rstrip(".")  # Windows drops trailing dots
    if not any(c.isalnum() for c in name):
        raise InboxConfigError(f"{what} {text!r} can't be used: it needs a letter or digit")
    if name.startswith("."):
        name = "_" + name[1:]  # a hidden folder would be skipped as clutter
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    return name


def _doc_name(name: str) -> str:
    """Refuse anything but a plain file name: a name must never reach outside the inbox."""
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\0" in name
        or (os.altsep is not None and os.altsep in name)
    ):
        raise ValueError(f"not a document name: {name!r}")
    return name


def _is_document(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    if name.startswith(".") or name.lower().endswith(".tmp") or name.lower() in _CLUTTER:
        return False  # hidden, in flight (a producer is still writing it), or clutter
    return entry.is_file(follow_symlinks=False)


def _rename(src: Path, dst: Path) -> None:
    """os.rename: atomic on one volume; on POSIX exactly one of several racers wins."""
    for attempt in range(_RENAME_TRIES):
        try:
            os.rename(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == _RENAME_TRIES - 1:
                raise
            time.sleep(_RENAME_PAUSE_S)  # a sharing violation: someone is reading it


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _utc_now() -> datetime:
    return datetime.now(UTC)


class FolderInbox:
    """The shared lead inbox as a folder. See app.inbox.base.Inbox for the contract."""

    def __init__(
        self,
        root: Path,
        user: str,
        host: str,
        *,
        watch: bool = True,
        now: Callable[[], datetime] | None = None,
        create: bool = False,
    ) -> None:
        self.root = Path(root)
        self.location = str(self.root)
        self.user, self.host = user, host
        self._me = safe_name(user)
        self._log_name = f"{self._me}@{safe_name(host, 'host name')}{activity_log.SUFFIX}"
        self._now = now or _utc_now
        self._new = self.root / "new"
        self._claimed = self.root / "claimed"
        self._quarantine = self.root / "quarantine"
        self._duplicates = self.root / "duplicates"
        self._activity = self.root / "activity"
        self._changed = threading.Event()
        self._closed = False
        self._open(create)
        self._watcher: ChangeWatcher | None = None
        if watch:
            from app.inbox.folder.watcher import ChangeWatcher  # watchdog: only when watching

            watcher = ChangeWatcher([self._new, self._activity], self._changed)
            if watcher.start():
                self._watcher = watcher

    def _open(self, create: bool) -> None:
        """Config errors now (don't retry); a share that is merely down is reported later."""
        if create:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InboxConfigError(
                    f"inbox folder {self.root} can't be created: {exc.strerror or exc}"
                ) from exc
        try:
            st = os.stat(self.root)
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise InboxConfigError(f"inbox folder {self.root} does not exist") from exc
        except OSError:
            return  # unreachable right now: every operation will say so, retryably
        if not stat.S_ISDIR(st.st_mode):
            raise InboxConfigError(f"inbox folder {self.root} is not a folder")
        for sub in LAYOUT:
            path = self.root / sub
            try:
                if not path.is_dir():
                    path.mkdir(exist_ok=True)
            except OSError as exc:  # read-only share: reading still works
                log.info("can't make %s: %s", path, exc)

    # -- errors --------------------------------------------------------------------------

    def _unreachable(self) -> InboxUnavailable:
        return InboxUnavailable(f"inbox folder {self.root} is unreachable (share not mounted?)")

    def _unavailable(self, exc: OSError) -> InboxUnavailable:
        if not os.path.isdir(self.root):
            return self._unreachable()
        why = one_line(exc.strerror or str(exc))
        if exc.filename:
            with suppress(ValueError):  # not a path inside the inbox: leave it out
                why += f" ({Path(os.fsdecode(exc.filename)).relative_to(self.root)})"
        return InboxUnavailable(f"inbox folder {self.root} is unavailable: {why}")

    @contextmanager
    def _share(self) -> Iterator[None]:
        """Every OSError from the share becomes a one-line, retryable InboxUnavailable."""
        try:
            yield
        except OSError as exc:
            raise self._unavailable(exc) from exc

    def _require(self, *folders: Path) -> None:
        """After a FileNotFoundError: was it the document, or the inbox itself that went?"""
        if not os.path.isdir(self.root):
            raise self._unreachable()
        for folder in folders:
            if not os.path.isdir(folder):
                raise InboxUnavailable(
                    f"inbox folder {self.root} has no {folder.name}/ folder (share not mounted?)"
                )

    # -- documents in new/ ---------------------------------------------------------------

    def list_new(self) -> list[InboxDoc]:
        now = self._now()
        docs: list[InboxDoc] = []
        with self._share(), os.scandir(self._new) as entries:
            for entry in entries:
                try:
                    if not _is_document(entry):
                        continue
                    st = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # claimed between listing and stat
                landed = datetime.fromtimestamp(st.st_mtime, UTC)
                docs.append(InboxDoc(entry.name, min(landed, now).astimezone(UTC), st.st_size))
        docs.sort(key=lambda d: (d.received_at, d.name))
        return docs

    def read(self, doc: InboxDoc, limit: int) -> bytes:
        path = self._new / _doc_name(doc.name)
        try:
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size > limit:
                    raise DocumentOverLimit(doc.name, size, limit)
                data = fh.read(limit + 1)  # +1: it may still have grown since the stat
        except FileNotFoundError as exc:
            self._require(self._new)
            raise DocumentGone(f"{doc.name} is no longer in the inbox") from exc
        except OSError as exc:
            raise self._unavailable(exc) from exc
        if len(data) > limit:
            raise DocumentOverLimit(doc.name, len(data), limit)
        return data

    def quarantine(self, doc: InboxDoc, reason: str) -> None:
        self._set_aside(doc.name, self._quarantine, reason)

    def set_aside_duplicate(self, doc: InboxDoc, of_name: str) -> None:
        self._set_aside(doc.name, self._duplicates, f"duplicate of {of_name}")

    def _set_aside(self, name: str, folder: Path, reason: str) -> None:
        """Move new/X into `folder` with X.reason next to it. Never deletes or overwrites."""
        with self._share():
            target = self._move_aside(self._new / _doc_name(name), folder)
        if target is None:
            return  # another PC set it aside (or claimed it) first
        try:
            _write_atomic(_reason_path(target), one_line(reason) + "\n")
        except OSError as exc:  # the document itself is safe: it's out of new/
            # No names in the log (a document may be named after the customer): app.system.logs.
            log.warning("moved a document aside but couldn't write its reason: %s", exc.strerror)

    def _move_aside(self, src: Path, folder: Path) -> Path | None:
        for _ in range(_ASIDE_TRIES):
            target = _free_name(folder, src.name)
            try:
                _rename(src, target)
            except FileExistsError:
                continue  # Windows: the name was taken meanwhile; take the next one
            except FileNotFoundError:
                self._require(self._new, folder)
                return None
            return target
        raise InboxUnavailable(f"inbox folder {self.root}: no free name in {folder.name}/")

    # -- claims --------------------------------------------------------------------------

    def claim(self, name: str, user: str) -> ClaimResult:
        name, me = _doc_name(name), safe_name(user)
        mine = self._claimed / me / name
        with self._share():
            if os.path.lexists(mine):
                return ClaimResult(True, user)  # already mine; never overwrite it
            self._make_user_folder(me, user)
            try:
                _rename(self._new / name, mine)
                return ClaimResult(True, user)
            except FileExistsError:  # Windows: mine appeared in between (my other PC)
                return ClaimResult(True, user)
            except FileNotFoundError:
                pass  # somebody else's rename won, or it was never there
            self._require(self._new, self._claimed)
            holder = self._holder(name)
        if holder == me:
            # My other PC won, or NFS retried a rename that had already succeeded.
            return ClaimResult(True, user)
        return ClaimResult(False, self._display_name(holder) if holder else None)

    def release(self, name: str, user: str) -> bool:
        name = _doc_name(name)
        src, dst = self._claimed / safe_name(user) / name, self._new / name
        with self._share():
            if os.path.lexists(dst):
                log.warning("can't release a lead: a document of the same name is in new/")
                return False
            try:
                _rename(src, dst)  # a rename keeps the mtime: received_at stays the same
            except (FileNotFoundError, FileExistsError):
                self._require(self._new, self._claimed)
                return False
        return True

    def claimed_by(self, name: str) -> str | None:
        name = _doc_name(name)
        with self._share():
            holder = self._holder(name)
        return self._display_name(holder) if holder else None

    def _holder(self, name: str) -> str | None:
        """The claimed/<folder> holding `name`: O(users), never O(history)."""
        with os.scandir(self._claimed) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
                    continue
                if os.path.lexists(os.path.join(entry.path, name)):
                    return entry.name
        return None

    def _make_user_folder(self, folder: str, user: str) -> None:
        path = self._claimed / folder
        path.mkdir(exist_ok=True)
        if folder == user:
            return
        marker = path / USER_MARKER
        try:
            if not marker.exists():
                _write_atomic(marker, user.strip() + "\n")
        except OSError as exc:  # only cosmetic: colleagues then see the folder name
            log.info("can't write %s: %s", marker, exc)

    def _display_name(self, folder: str) -> str:
        """The real user name behind a sanitized claimed/<folder>, if it left one."""
        try:
            with open(self._claimed / folder / USER_MARKER, "rb") as fh:
                text = fh.read(1024).decode("utf-8", "replace").strip()
        except OSError:
            return folder
        return text if text and "\n" not in text and _maps_to(text, folder) else folder

    # -- activity log --------------------------------------------------------------------

    def append_event(self, event: dict[str, Any]) -> None:
        with self._share():
            activity_log.append_event(self._activity / self._log_name, event)

    def read_events(self, cursor: Cursor) -> tuple[Iterable[dict[str, Any]], Cursor]:
        with self._share():
            return activity_log.read_new_events(self._activity, cursor)

    # -- watching, health, lifetime ------------------------------------------------------

    def wait_for_change(self, timeout: float) -> bool:
        if self._closed:
            return False
        changed = self._changed.wait(max(0.0, timeout))
        if self._closed or self._watcher is None:
            return False
        # Clearing after waking is safe: the caller re-lists next, which sees any change
        # that set the event in between.
        self._changed.clear()
        return changed

    @property
    def watching(self) -> bool:
        """Whether change notifications work here (else only the timer re-list finds news)."""
        return self._watcher is not None and self._watcher.running

    def check(self) -> None:
        with self._share():
            st = os.stat(self.root)
        if not stat.S_ISDIR(st.st_mode):
            raise InboxConfigError(f"inbox folder {self.root} is not a folder")
        needed = (self._new, self._claimed, self._activity)
        self._require(*needed)
        for folder in needed:
            if not os.access(folder, os.W_OK):
                raise InboxConfigError(
                    f"inbox folder {self.root} can't be written (no permission on {folder.name}/)"
                )

    def close(self) -> None:
        self._closed = True
        if self._watcher is not None:
            self._watcher.stop()
        self._changed.set()  # wake a worker blocked in wait_for_change

    def __enter__(self) -> FolderInbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _maps_to(user: str, folder: str) -> bool:
    try:
        return safe_name(user) == folder
    except InboxConfigError:
        return False


def _reason_path(doc: Path) -> Path:
    return doc.with_name(doc.name + ".reason")


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem.2.ext`, … when that is taken: nothing is overwritten."""
    stem, dot, ext = name.rpartition(".")
    if not stem:
        stem, dot, ext = name, "", ""
    candidate, n = folder / name, 2
    while os.path.lexists(candidate) or os.path.lexists(_reason_path(candidate)):
        candidate = folder / f"{stem}.{n}{dot}{ext}"
        n += 1
    return candidate
