"""Low-latency change notification for the folder inbox (inotify / ReadDirectoryChangesW).

Only a hint: network shares drop notifications, so the caller re-lists on a timer anyway.
If the watcher can't start (inotify limits, an odd file system) it degrades silently to
"no notifications" instead of failing the inbox.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

log = logging.getLogger(__name__)


class _NormalStop(logging.Filter):
    """watchdog 7 logs an ERROR when an observer stops while its reader wakes up: noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "called when the thread is inactive" not in record.getMessage()


logging.getLogger("watchdog.observers.inotify").addFilter(_NormalStop())

# Opening or reading a document (our own reads too) is not a change: reacting to "opened"
# would wake every reader after each of its own reads.
_CHANGES = frozenset({"created", "deleted", "modified", "moved", "closed"})


def _is_in_flight(path: str | bytes) -> bool:
    """A producer's X.tmp (or a hidden temp file): the rename that follows is the change."""
    name = os.path.basename(os.fsdecode(path))
    return name.endswith(".tmp") or name.startswith(".")


class Arrivals:
    """How each file in one folder (new/) arrived, as far as the watcher saw it.

    True: complete (renamed into the folder, or its writer closed it after writing);
    False: being written in place (created or modified, and no close or rename since).
    A file moved in from another folder also shows as "created" (watchdog can't tell):
    it then waits until it holds still, unless its times show the move (see FolderInbox).
    """

    def __init__(self, folder: Path) -> None:
        self._folder = os.path.normcase(os.path.abspath(folder))
        self._lock = threading.Lock()
        self._state: dict[str, bool] = {}

    def state(self, name: str) -> bool | None:
        with self._lock:
            return self._state.get(name)

    def keep(self, names: set[str]) -> None:
        """Forget the files that left the folder."""
        with self._lock:
            self._state = {k: v for k, v in self._state.items() if k in names}

    def note(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        kind = event.event_type
        if kind == "moved":
            self._set(event.dest_path, True)
        elif kind == "closed":  # closed after writing (inotify's IN_CLOSE_WRITE)
            self._set(event.src_path, True)
        elif kind in ("created", "modified"):
            self._set(event.src_path, False)

    def _set(self, path: str | bytes, complete: bool) -> None:
        text = os.fsdecode(path)
        if not text or os.path.normcase(os.path.dirname(os.path.abspath(text))) != self._folder:
            return
        with self._lock:
            self._state[os.path.basename(text)] = complete


class _Handler(FileSystemEventHandler):
    def __init__(self, changed: threading.Event, arrivals: Arrivals | None = None) -> None:
        super().__init__()
        self._changed = changed
        self._arrivals = arrivals

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type not in _CHANGES:
            return
        if event.is_directory and event.event_type == "modified":
            return  # the folder's own mtime: the file event that caused it decides
        paths = [p for p in (event.src_path, event.dest_path) if p]
        if paths and all(_is_in_flight(p) for p in paths):
            return
        if self._arrivals is not None:
            self._arrivals.note(event)  # before waking the reader: it asks about this file
        self._changed.set()


class ChangeWatcher:
    """Sets `changed` whenever something happens in one of `folders` (not recursive)."""

    def __init__(
        self, folders: Iterable[Path], changed: threading.Event, arrivals: Arrivals | None = None
    ) -> None:
        self._folders = list(folders)
        self._changed = changed
        self._arrivals = arrivals
        self._observer: BaseObserver | None = None

    @property
    def running(self) -> bool:
        return self._observer is not None and self._observer.is_alive()

    def start(self) -> bool:
        """Start watching; False (and no thread left behind) if that isn't possible here."""
        if self._observer is not None:
            return True
        observer = Observer()
        observer.daemon = True  # never keeps the app alive; close() stops it anyway
        try:
            handler = _Handler(self._changed, self._arrivals)
            for folder in self._folders:
                observer.schedule(handler, str(folder), recursive=False)
            observer.start()
        except Exception as exc:  # inotify limits, missing folder, unsupported file system
            log.info("no change notifications for the inbox (%s); re-listing on a timer", exc)
            _stop(observer)
            return False
        self._observer = observer
        return True

    def stop(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            _stop(observer)


def _stop(observer: BaseObserver) -> None:
    try:
        observer.stop()
        if observer.is_alive():
            observer.join(timeout=5)
    except Exception as exc:  # a half-started observer: nothing more to clean up
        log.debug("stopping the inbox watcher: %s", exc)
