"""The folder inbox: a shared folder (local, SMB or NFS) laid out like this:

    <inbox>/new/                 producers write X.tmp, then rename it to X
    <inbox>/claimed/<user>/      a claim = atomic rename new/X -> claimed/<user>/X
    <inbox>/quarantine/          unreadable documents, each with X.reason (one line)
    <inbox>/duplicates/          duplicates set aside, each with X.reason
    <inbox>/activity/<user>@<host>.jsonl

The layout is made when the inbox is set up (create=True: the embedded inbox) and
completed when a folder that already is an inbox is opened. The app opens a shared folder
with new_inbox=False: there a missing folder means the share is gone (e.g. an empty mount
point), and we report it as unavailable instead of quietly making a private local inbox
that no colleague sees.

Whatever else lands in new/ (a folder, a link, a name not every PC can use) is set aside
with a reason as it is listed, and a document still being written in place waits until
it holds still: nothing in new/ can stop the poll.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import stat
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.text import one_line
from app.inbox import activity_log
from app.inbox.base import (
    ClaimResult,
    Cursor,
    DocumentGone,
    DocumentOverLimit,
    HeldDocument,
    InboxConfigError,
    InboxDoc,
    InboxUnavailable,
)

if TYPE_CHECKING:
    from app.core.presence import Presence
    from app.inbox.folder.watcher import Arrivals, ChangeWatcher

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
# File names are at most 255 bytes (ext4, NTFS in UTF-16 units, SMB): X.reason must fit too.
_NAME_MAX = 255
_REASON = ".reason"
# A document written in place (not X.tmp, then rename) is read once its size and
# modification time have held this long; a rename into new/ is read at once.
SETTLE = timedelta(seconds=0.5)
# A document this inbox quarantined is watched this long: if its producer was still
# writing it, it goes back to new/ once for another look.
RECHECK_WINDOW = timedelta(minutes=10)
_RECHECK_MAX = 200


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


def _ignored(name: str) -> bool:
    """Hidden, in flight (a producer is still writing X.tmp), or a file manager's clutter."""
    return name.startswith(".") or name.lower().endswith(".tmp") or name.lower() in _CLUTTER


def _why_not_a_document(name: str, mode: int) -> str | None:
    """Why an entry in new/ can never be a lead document (None: it can). Such an entry is
    set aside, so it can't stop the poll, and doesn't sit in new/ unnoticed."""
    if stat.S_ISLNK(mode):
        return "a link, not a document: Leadpop doesn't follow links in new/"
    if stat.S_ISDIR(mode):
        return "a folder, not a document: put each document in new/ itself"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, socket or device)"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "its name isn't valid UTF-8, so not every PC can use it"
    try:
        _doc_name(name)
    except ValueError:
        return "its name has a backslash, which is a folder separator on Windows"
    if any(ord(c) < 0x20 for c in name):
        return "its name has a control character"
    return None


def _plain_name(name: str) -> str:
    """`name` with whatever made it odd replaced by `_` (not UTF-8, separators, controls)."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("_" if c in "\\/\0\ufffd" or ord(c) < 0x20 else c for c in text) or "_"


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
    tmp = path.with_name(f".{secrets.token_hex(8)}.tmp")  # short: X may be a long name
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
        new_inbox: bool = True,
        missing_ok: bool = False,
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
        self._seen: dict[str, _Seen] = {}  # names in new/: what we saw, since when
        self._held_until: datetime | None = None  # a document waits to hold still until then
        self._quarantined: dict[Path, _Aside] = {}  # recent quarantines, for one re-check
        self._rechecked: set[str] = set()
        self._stuck: set[str] = set()  # odd entries we couldn't move: said once
        self._arrivals: Arrivals | None = None
        self._watcher: ChangeWatcher | None = None
        self._watch_later = False
        there = self._open(create, new_inbox, missing_ok)
        if watch:
            if there:
                self._start_watcher()
            else:
                self._watch_later = True  # once the share is there

    def _open(self, create: bool, new_inbox: bool, missing_ok: bool) -> bool:
        """Config errors now (don't retry); a share that is merely down is reported later.

        `create`: make the folder and its layout (the embedded inbox, or when asked).
        `new_inbox`: make the layout in an existing folder that has none. The app opens a
        shared folder without it: an empty folder may be the mount point of a share that
        isn't mounted yet, and filling it would make a private inbox no colleague sees.
        `missing_ok`: for the app, which retries: a folder that isn't there yet (a share
        mounted after start-up) is an outage, not an error. Returns whether it is there.
        """
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
            if missing_ok:
                log.info("inbox folder not there yet (share not mounted?): retrying")
                return False
            raise InboxConfigError(f"inbox folder {self.root} does not exist") from exc
        except OSError:
            return False  # unreachable right now: every operation will say so, retryably
        if not stat.S_ISDIR(st.st_mode):
            raise InboxConfigError(f"inbox folder {self.root} is not a folder")
        folders = [self.root / sub for sub in LAYOUT]
        if not (create or new_inbox) and not any(path.is_dir() for path in folders):
            log.info("inbox folder has no inbox in it (share not mounted?): not making one")
            return False
        for path in folders:
            try:
                if not path.is_dir():
                    path.mkdir(exist_ok=True)
            except OSError as exc:  # read-only share: reading still works
                log.info("can't make %s: %s", path, exc)
        return True

    def _start_watcher(self) -> None:
        """Change notifications, once new/ is there (a share mounted after start-up)."""
        from app.inbox.folder.watcher import Arrivals, ChangeWatcher  # watchdog: when watching

        self._watch_later = False
        arrivals = Arrivals(self._new)
        watcher = ChangeWatcher([self._new, self._activity], self._changed, arrivals)
        if watcher.start():
            self._watcher, self._arrivals = watcher, arrivals

    # -- errors --------------------------------------------------------------------------

    def _unreachable(self) -> InboxUnavailable:
        return InboxUnavailable(f"inbox folder {self.root} is unreachable (share not mounted?)")

    def _unavailable(self, exc: OSError) -> InboxUnavailable:
        if not os.path.isdir(self.root):
            return self._unreachable()
        if isinstance(exc, FileNotFoundError):
            for folder in (self._new, self._claimed, self._activity):
                if not os.path.isdir(folder):
                    return self._no_layout(folder)
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
                raise self._no_layout(folder)

    def _no_layout(self, folder: Path) -> InboxUnavailable:
        if not any(os.path.isdir(self.root / sub) for sub in LAYOUT):
            # An empty mount point, or a folder meant to become the inbox: say how.
            return InboxUnavailable(
                f"inbox folder {self.root} has no new/ folder: share not mounted? "
                "(to start a new inbox there, make a folder new/ in it)"
            )
        return InboxUnavailable(
            f"inbox folder {self.root} has no {folder.name}/ folder (share not mounted?)"
        )

    # -- documents in new/ ---------------------------------------------------------------

    def list_new(self) -> list[InboxDoc]:
        now = self._now()
        docs: list[InboxDoc] = []
        odd: list[tuple[str, str]] = []
        files: set[str] = set()
        self._held_until = None
        with self._share(), os.scandir(self._new) as entries:
            for entry in entries:
                if _ignored(entry.name):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # claimed between listing and stat
                why = _why_not_a_document(entry.name, st.st_mode)
                if why is not None:
                    odd.append((entry.name, why))
                    continue
                files.add(entry.name)
                if not self._settled(entry.name, st, now):
                    continue
                landed = datetime.fromtimestamp(st.st_mtime, UTC)
                docs.append(InboxDoc(entry.name, min(landed, now).astimezone(UTC), st.st_size))
        for name, why in odd:
            self._set_aside_odd(name, why)
        if len(self._seen) > len(files):  # forget what left new/: O(new/), never grows
            self._seen = {k: v for k, v in self._seen.items() if k in files}
            if self._arrivals is not None:
                self._arrivals.keep(files)
        if self._quarantined:
            self._recheck_quarantined(now)
        if self._watch_later:
            self._start_watcher()
        docs.sort(key=lambda d: (d.received_at, d.name))
        return docs

    def read(self, doc: InboxDoc, limit: int) -> bytes:
        path = self._new / _doc_name(doc.name)
        try:
            # Non-blocking and no links: a pipe swapped in after the listing can't hang the poll.
            fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_NOFOLLOW | _O_BINARY)
        except FileNotFoundError as exc:
            self._require(self._new)
            raise DocumentGone(f"{doc.name} is no longer in the inbox") from exc
        except OSError as exc:
            raise self._unreadable(doc, exc) from exc
        try:
            with open(fd, "rb") as fh:
                st = os.fstat(fh.fileno())
                if not stat.S_ISREG(st.st_mode):
                    raise UnreadableDocument("no longer a regular file (a folder, pipe or device)")
                if st.st_size > limit:
                    raise DocumentOverLimit(doc.name, st.st_size, limit)
                data = fh.read(limit + 1)  # +1: it may still have grown since the stat
        except OSError as exc:
            raise self._unreadable(doc, exc) from exc
        if len(data) > limit:
            raise DocumentOverLimit(doc.name, len(data), limit)
        return data

    def _unreadable(self, doc: InboxDoc, exc: OSError) -> Exception:
        """An OSError on one document: that document's own problem (it is set aside; the
        others are still read), or an outage (retried) if it may be the share's."""
        if not os.path.isdir(self._new) or exc.errno not in _THIS_FILE_ONLY:
            return self._unavailable(exc)
        if isinstance(exc, PermissionError) and os.name == "nt":
            # Windows: a producer still has it open. Not this poll; the next one.
            return DocumentGone(f"{doc.name} is in use by another program")
        return UnreadableDocument(f"can't be read: {one_line(exc.strerror or str(exc))}")

    def quarantine(self, doc: InboxDoc, reason: str) -> None:
        target = self._set_aside(doc.name, self._quarantine, reason)
        if target is not None and doc.name not in self._rechecked:
            self._watch_quarantined(target, doc.name)

    def set_aside_duplicate(self, doc: InboxDoc, of_name: str) -> None:
        self._set_aside(doc.name, self._duplicates, f"duplicate of {of_name}")

    def _set_aside(
        self, name: str, folder: Path, reason: str, *, as_name: str | None = None
    ) -> Path | None:
        """Move new/X into `folder` with X.reason next to it. Never deletes or overwrites.

        `as_name`: the name to keep it under, for a name that can't be kept as it is.
        """
        keep = as_name or _doc_name(name)
        with self._share():
            target = self._move_aside(self._new / name, folder, keep)
        if target is None:
            return None  # another PC set it aside (or claimed it) first
        if keep != name or not target.name.startswith(_stem(keep)):  # renamed, or shortened
            reason += f" (its name in new/ was {_shown(name)})"
        try:
            _write_atomic(_reason_path(target), one_line(reason) + "\n")
        except OSError as exc:  # the document itself is safe: it's out of new/
            # No names in the log (a document may be named after the customer): app.system.logs.
            log.warning("moved a document aside but couldn't write its reason: %s", exc.strerror)
        return target

    def _move_aside(self, src: Path, folder: Path, name: str) -> Path | None:
        for _ in range(_ASIDE_TRIES):
            target = _free_name(folder, name)
            try:
                _rename(src, target)
            except FileExistsError:
                continue  # Windows: the name was taken meanwhile; take the next one
            except FileNotFoundError:
                self._require(self._new, folder)
                return None
            return target
        raise InboxUnavailable(f"inbox folder {self.root}: no free name in {folder.name}/")

    def _set_aside_odd(self, name: str, why: str) -> None:
        """An entry that can't be a document goes to quarantine/, so the poll goes on."""
        try:
            self._set_aside(name, self._quarantine, why, as_name=_plain_name(name))
        except InboxUnavailable:
            if not os.path.isdir(self._new):
                raise  # the share went: that is an outage, not this entry's problem
            if name not in self._stuck:  # say it once, not every two seconds
                self._stuck.add(name)
                log.warning("can't set aside an entry in new/ that isn't a document (%s)", why)
            return
        log.info("set aside an entry in new/ that isn't a document: %s", why)

    # -- written in place: wait until it holds still ------------------------------------

    def _settled(self, name: str, st: os.stat_result, now: datetime) -> bool:
        """Whether a document in new/ is complete enough to read.

        A producer that follows the contract renames X.tmp to X: that is complete at once
        (no added latency). One that writes X in place leaves evidence: the watcher saw it
        written and not yet closed, it grew since the last look, or it is still empty.
        Such a document waits until its size and modification time have held for SETTLE.
        While the watcher runs, a fresh file it hasn't reported yet waits for its report
        (a rename's comes within milliseconds). Once listed, a document stays listed (the
        engine would take its absence for a claim).
        """
        sig = (st.st_size, st.st_mtime_ns)
        seen = self._seen.get(name)
        news = self._arrivals.state(name) if self._arrivals is not None else None
        if seen is None:
            unreported = news is None and self.watching and _fresh(st, now)
            seen = self._seen[name] = _Seen(sig, now, suspect=st.st_size == 0 or unreported)
        elif seen.sig != sig:  # it changed since the last look: someone is writing it
            seen.sig, seen.since, seen.suspect = sig, now, True
        if seen.listed or news is True:
            seen.listed = True
            return True
        if news is False:
            seen.suspect = True  # the watcher saw it written, and no close or rename since
        if seen.suspect and os.name != "nt" and st.st_ctime_ns > st.st_mtime_ns:
            seen.suspect = False  # changed after its last write (a rename, a copy's times)
        if seen.suspect and now - seen.since < SETTLE:
            self._hold(seen.since + SETTLE)
            return False
        seen.listed = True
        return True

    def _hold(self, until: datetime) -> None:
        if self._held_until is None or until < self._held_until:
            self._held_until = until

    def _watch_quarantined(self, target: Path, name: str) -> None:
        try:
            st = os.stat(target, follow_symlinks=False)
        except OSError:
            return
        if len(self._quarantined) < _RECHECK_MAX:
            self._quarantined[target] = _Aside(name, (st.st_size, st.st_mtime_ns), self._now())

    def _recheck_quarantined(self, now: datetime) -> None:
        """A document quarantined while its producer was still writing it (in place) is
        complete later: if it changed after quarantine, it goes back to new/, once."""
        for target, aside in list(self._quarantined.items()):
            try:
                st = os.stat(target, follow_symlinks=False)
            except OSError:
                del self._quarantined[target]
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if sig == aside.sig:
                if now - aside.at > RECHECK_WINDOW:
                    del self._quarantined[target]
                continue
            del self._quarantined[target]
            self._rechecked.add(aside.name)
            back = self._new / aside.name
            if os.path.lexists(back):
                continue  # a new document of that name: keep this one where it is
            with self._share():
                _rename(target, back)
                _reason_path(target).unlink(missing_ok=True)  # our own note, now wrong
            # Written to since: it waits in new/ until it holds still.
            self._seen[aside.name] = _Seen(sig, now, suspect=True)
            log.info("a quarantined document changed afterwards: back in new/ for another look")

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

    def read_claimed(self, name: str, user: str, limit: int) -> bytes:
        """A document `user` holds (claimed/<user>/): a damaged store is rebuilt from it.
        Raises DocumentGone if it isn't there, DocumentOverLimit past `limit`."""
        path = self._claimed / safe_name(user) / _doc_name(name)
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except FileNotFoundError as exc:
            raise DocumentGone(f"{name} is not in claimed/") from exc
        except OSError as exc:
            raise self._unavailable(exc) from exc
        if len(data) > limit:
            raise DocumentOverLimit(name, len(data), limit)
        return data

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

    def logged(self, event_ids: Iterable[str]) -> set[str]:
        with self._share():
            return activity_log.logged_ids(self._activity / self._log_name, set(event_ids))

    # -- presence: <inbox>/presence/<user>@<host>.json, one file per PC, replaced whole ---

    def announce(self, presence: Presence) -> None:
        folder = self.root / "presence"
        with self._share():
            folder.mkdir(exist_ok=True)  # not parents: a missing share stays an outage
            name = f"{self._log_name.removesuffix(activity_log.SUFFIX)}.json"
            _write_atomic(folder / name, presence.to_json().decode("ascii"))

    def present(self, now: datetime) -> list[Presence]:
        from app.core.presence import Presence, present  # only on the slow presence timer

        folder = self.root / "presence"
        records = []
        with self._share():
            if not folder.is_dir():
                self._require()  # the share itself gone is an outage; no folder yet is nobody
                return []
            with os.scandir(folder) as entries:
                files = [e.path for e in entries if e.name.endswith(".json")]
            files = [f for f in files if not _ignored(os.path.basename(f))]
            for path in files:
                try:
                    with open(path, "rb") as fh:
                        rec = Presence.from_json(fh.read(4096))
                except FileNotFoundError:
                    continue
                if rec is not None:
                    records.append(rec)
        return present(records, now)

    # -- personal data (the AVG): access and erasure -------------------------------------

    def _holding(self) -> list[tuple[str, Path]]:
        """Every folder that holds documents, as (where, path)."""
        out = [("new", self._new)]
        with os.scandir(self._claimed) as entries:
            users = sorted(
                e.name
                for e in entries
                if not e.name.startswith(".") and e.is_dir(follow_symlinks=False)
            )
        out += [(f"claimed/{self._display_name(u)}", self._claimed / u) for u in users]
        return [*out, ("quarantine", self._quarantine), ("duplicates", self._duplicates)]

    def held_documents(self, limit: int) -> Iterator[HeldDocument]:
        """Every document in every folder, with its reason (see app.inbox.base)."""
        with self._share():
            folders = self._holding()
        for where, folder in folders:
            try:
                with self._share(), os.scandir(folder) as entries:
                    names = sorted(
                        e.name
                        for e in entries
                        if not _ignored(e.name)
                        and not e.name.endswith(_REASON)
                        and e.is_file(follow_symlinks=False)
                    )
            except InboxUnavailable:
                if os.path.isdir(folder):
                    raise
                continue  # no quarantine/ yet
            for name in names:
                try:
                    with open(folder / name, "rb") as fh:
                        data = fh.read(limit)
                except FileNotFoundError:
                    continue  # claimed or set aside meanwhile: met again in its new folder
                except OSError as exc:
                    raise self._unavailable(exc) from exc
                reason = None
                with suppress(OSError):
                    reason = _reason_path(folder / name).read_text("utf-8", "replace").strip()
                yield HeldDocument(name, where, data, reason)

    def erase_documents(self, names: Iterable[str]) -> int:
        """Delete these documents (and their .reason) from every folder: erasure only."""
        wanted = {_doc_name(n) for n in names}
        gone = 0
        with self._share():
            for _, folder in self._holding():
                for name in wanted:
                    path = folder / name
                    with suppress(FileNotFoundError):
                        path.unlink()
                        gone += 1
                    with suppress(FileNotFoundError):
                        _reason_path(path).unlink()
        return gone

    def rewrite_own_log(self, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]) -> int:
        with self._share():
            return activity_log.rewrite_own(self._activity / self._log_name, scrub)

    # -- watching, health, lifetime ------------------------------------------------------

    def wait_for_change(self, timeout: float) -> bool:
        if self._closed:
            return False
        held = self._held_until
        if held is not None:  # a document written in place: look again when it may be still
            timeout = min(timeout, max(0.0, (held - self._now()).total_seconds()))
        changed = self._changed.wait(max(0.0, timeout))
        if self._closed:
            return False
        if held is not None and not changed:
            # Once: the re-list sets it again if the document still waits (a poll backing
            # off doesn't re-list, and this must not wake it over and over meanwhile).
            self._held_until = None
            return True
        if self._watcher is None:
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
    return doc.with_name(doc.name + _REASON)


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem.2.ext`, … when that is taken: nothing is overwritten.

    Shortened where needed, so that X.reason (and a number) still fit in a file name.
    """
    stem, dot, ext = _split(name)
    room = _NAME_MAX - len(os.fsencode(f"{dot}{ext}{_REASON}")) - len(".99999")
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    candidate, n = folder / f"{stem}{dot}{ext}", 2
    while os.path.lexists(candidate) or os.path.lexists(_reason_path(candidate)):
        candidate = folder / f"{stem}.{n}{dot}{ext}"
        n += 1
    return candidate


def _fresh(st: os.stat_result, now: datetime) -> bool:
    """Written less than SETTLE ago (or "in the future": the share's clock is ahead)."""
    return now - datetime.fromtimestamp(st.st_mtime, UTC) < SETTLE


def _split(name: str) -> tuple[str, str, str]:
    """stem, ".", extension (a short one only); no extension: name, "", ""."""
    stem, dot, ext = name.rpartition(".")
    if not stem or len(ext) > 16:
        return name, "", ""
    return stem, dot, ext


def _stem(name: str) -> str:
    return _split(name)[0]


def _shown(name: str) -> str:
    """A name as a person can read it in a reason, whatever bytes it has."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return repr(os.fsencode(name))[1:]  # b'...' without the b: the bytes as they are
    return repr(name)


@dataclass
class _Seen:
    """A file in new/ as this inbox last saw it."""

    sig: tuple[int, int]  # size, modification time (ns)
    since: datetime  # first seen with this size and time
    suspect: bool  # evidence it is being written in place
    listed: bool = False


@dataclass(frozen=True)
class _Aside:
    """A document this inbox quarantined: what it looked like, and when."""

    name: str
    sig: tuple[int, int]
    at: datetime


class UnreadableDocument(ValueError):
    """One document can't be read (not the inbox): the engine sets it aside with `reason`."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


# Errors about the file itself, not the share: a link, a folder, a device, its permissions.
_THIS_FILE_ONLY = frozenset(
    {errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.ENODEV, errno.EACCES, errno.EPERM}
)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
