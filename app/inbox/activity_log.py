"""The activity log as files: one JSON Lines file per client, read incrementally.

Pure file logic: it raises OSError and leaves mapping errors to the backend. Each client
appends only to its own file, so there is never a second writer to lock against.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.events import EventLines, decode_event, encode_event

SUFFIX = ".jsonl"
# No real event comes near this; it bounds memory on a corrupt file without newlines.
MAX_LINE_BYTES = 1024 * 1024
READ_BLOCK = 4 * 1024 * 1024


def append_event(path: Path, event: dict[str, Any]) -> None:
    """Append one event as a line, flushed to disk before returning.

    A crash or a full disk can leave a torn last line without b"\\n"; a newline first
    closes it, so the torn fragment becomes one malformed (skipped) line instead of
    corrupting this event.
    """
    data = encode_event(event)
    with open(path, "a+b") as fh:
        end = fh.seek(0, os.SEEK_END)
        if end:
            fh.seek(end - 1)
            if fh.read(1) != b"\n":
                data = b"\n" + data
        fh.write(data)  # append mode: always lands at the end, whatever the read position
        fh.flush()
        os.fsync(fh.fileno())


def read_lines(path: Path, offset: int, end: int) -> tuple[bytes, int]:
    """The complete lines in bytes [offset, end) of `path` (as one block), and the offset
    after the last one.

    A torn last line (no newline yet) is not returned: the offset stays before it, so it is
    read whole once its writer finishes it. Cost is proportional to `end - offset`: a first
    read is a year of the team's log, so it goes by blocks, not by line.
    """
    parts: list[bytes] = []
    pos = offset  # everything before pos is returned or skipped
    tail = b""  # an unfinished line: bytes from pos on
    with open(path, "rb") as fh:
        fh.seek(offset)
        while pos + len(tail) < end:
            block = fh.read(min(READ_BLOCK, end - pos - len(tail)))
            if not block:
                break  # the file shrank while we read: the next read starts over
            data = tail + block
            last = data.rfind(b"\n")
            if last >= 0:
                parts.append(data[: last + 1])
                pos += last + 1
                tail = data[last + 1 :]
            else:
                tail = data
            if len(tail) > MAX_LINE_BYTES:  # garbage without newlines: step over it
                pos += len(tail)
                tail = b""
    return b"".join(parts), pos


def _is_log(entry: os.DirEntry[str]) -> bool:
    return (
        entry.name.endswith(SUFFIX)
        and not entry.name.startswith(".")
        and entry.is_file(follow_symlinks=False)
    )


def read_new_events(folder: Path, cursor: dict[str, Any]) -> tuple[EventLines, dict[str, Any]]:
    """New events in every `*.jsonl` of `folder` since `cursor` ({file name: byte offset}).

    The bytes are read here (raises OSError); the events are decoded as they are iterated,
    malformed lines skipped. A file smaller than its offset was truncated or replaced: it
    is read again from the start (readers dedup by event id).
    """
    blocks: list[bytes] = []
    new_cursor: dict[str, Any] = dict(cursor)
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries if _is_log(e))
    for name in names:
        path = folder / name
        try:
            # A fresh stat, not the listing's: directory listings on SMB report stale sizes.
            size = os.stat(path).st_size
        except FileNotFoundError:
            continue
        offset = cursor.get(name, 0)
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            offset = 0
        if size < offset:
            offset = 0
        new_cursor[name] = offset
        if size == offset:
            continue
        try:
            block, new_cursor[name] = read_lines(path, offset, size)
        except FileNotFoundError:
            continue
        if block:
            blocks.append(block)
    return EventLines(blocks), new_cursor


REWRITE_TRIES = 5  # another process of this client appending all the while: give up


def rewrite_own(path: Path, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]) -> int:
    """Rewrite this client's own log with `scrub` applied to each event (None: the line
    stays as it is); returns how many lines changed. Erasure only (the AVG): a log is
    otherwise append-only.

    Atomic: a temporary file, fsynced, renamed over the log. A changed line keeps its
    length (padded with spaces, which JSON allows), so every reader's byte offset still
    falls on a line start and nobody reads the file again or half a line. Only this
    client appends to it, and the caller holds its publishing lock meanwhile; another
    process of the same client (`leadpop forget` beside the running app) may append
    still, so a file that grew while it was rewritten is rewritten again.
    """
    for _ in range(REWRITE_TRIES):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return 0
        changed, text = _scrubbed(data, scrub)
        if not changed:
            return 0
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if os.stat(path).st_size == len(data):  # nothing appended meanwhile
            os.replace(tmp, path)
            return changed
        os.unlink(tmp)
    raise OSError(f"{path.name} kept growing while it was rewritten")


def _scrubbed(
    data: bytes, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> tuple[int, bytes]:
    lines = data.split(b"\n")
    changed = 0
    for i, line in enumerate(lines):
        event = decode_event(line) if line.strip() else None
        new = scrub(event) if event is not None else None
        if new is None:
            continue
        text = encode_event(new)[:-1]
        # Fields only go, so it is never longer (were it, readers would dedup a re-read).
        lines[i] = text + b" " * (len(line) - len(text))
        changed += 1
    return changed, b"\n".join(lines)


TAIL_BYTES = 256 * 1024


def logged_ids(path: Path, ids: set[str], tail: int = TAIL_BYTES) -> set[str]:
    """Which of these event ids are on a complete line near the end of `path`.

    Only this client appends to its file, oldest queued event first: an append cut off by
    a crash before the outbox heard of it is among the file's last lines. A torn line
    (no newline) doesn't count: readers skip it, so that event is not in the log yet.
    """
    if not ids:
        return set()
    try:
        with open(path, "rb") as fh:
            end = fh.seek(0, os.SEEK_END)
            start = max(0, end - tail)
            fh.seek(start)
            data = fh.read(end - start)
    except FileNotFoundError:
        return set()
    lines = data.split(b"\n")[:-1]  # the last part has no newline: torn, or empty
    if start > 0 and lines:
        lines = lines[1:]  # the first part may be the end of a line cut by the window
    found: set[str] = set()
    for line in lines:
        if not any(i.encode() in line for i in ids):
            continue
        event = decode_event(line)
        if event is not None and event["id"] in ids:
            found.add(event["id"])
    return found
