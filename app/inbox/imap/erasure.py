"""Personal data in the mailbox (the AVG): every document in every Leadpop folder, erasing
documents with their notes, and rewriting this client's own activity messages.

The one case where Leadpop deletes mail: a message is flagged \\Deleted and expunged by
its UID (UIDPLUS), so nobody else's deletions are expunged with it. An activity message
is replaced, never edited (IMAP has no edit): the scrubbed copy is appended first, then the
old one expunged, so an event is never missing; a reader that already read the old one
reads the copy as a repeat (readers dedup by event id).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from app.core.events import decode_event
from app.inbox.base import HeldDocument
from app.inbox.imap import activity
from app.inbox.imap.conn import DELETED, Conn, fetched, header_value
from app.inbox.imap.names import fetch_messages, landed_of, name_all, search_window

DOC_HEADER = b"X-Leadpop-Doc"  # a set-aside note (or a claim ticket) names its document
_NOTE_ITEMS = [b"BODY.PEEK[HEADER.FIELDS (X-LEADPOP-DOC)]"]
BATCH = 200


def holding(conn: Conn) -> list[tuple[str, str]]:
    """Every folder that holds documents, as (where, folder name)."""
    out = [("new", conn.layout.mailbox)]
    root = conn.layout.folder("Claimed") + conn.layout.sep
    for flags, _, folder in conn.client.list_folders(root, "%"):
        user = conn.layout.user_of(folder)
        if user is not None and rb"\Noselect" not in flags:
            out.append((f"claimed/{user}", folder))
    for kind in ("Quarantine", "Duplicates"):
        folder = conn.layout.folder(kind)
        if conn.exists(folder):
            out.append((kind.lower(), folder))
    return out


def _notes(conn: Conn, uids: list[int]) -> dict[int, str]:
    """UID -> the document it is a note about, for Leadpop's notes among `uids`."""
    out: dict[int, str] = {}
    for start in range(0, len(uids), BATCH):
        data = conn.client.fetch(uids[start : start + BATCH], _NOTE_ITEMS)
        for uid, item in data.items():
            doc = header_value(fetched(item, b"BODY[HEADER.FIELDS"), DOC_HEADER)
            if doc:
                out[uid] = doc.decode("ascii", "replace")
    return out


def held(conn: Conn, limit: int) -> Iterator[HeldDocument]:
    """Every document of every folder (O(history): a customer's request only)."""
    for where, folder in holding(conn):
        conn.select(folder)
        uids = sorted(conn.client.search(["ALL"]))
        notes = _notes(conn, uids)
        names = name_all(fetch_messages(conn.client, [u for u in uids if u not in notes]).values())
        reasons: dict[str, str] = {}
        if notes:
            bodies = conn.client.fetch(sorted(notes), [b"BODY.PEEK[TEXT]<0.2048>"])
            for uid, doc in notes.items():
                text = fetched(bodies.get(uid, {}), b"BODY[TEXT]")
                reasons[doc] = text.decode("utf-8", "replace").strip()
        for uid, name in sorted(names.items()):
            data = conn.client.fetch([uid], [f"BODY.PEEK[]<0.{limit}>".encode()])
            body = fetched(data.get(uid, {}), b"BODY[]")
            yield HeldDocument(name, where, body, reasons.get(name))


def erase(conn: Conn, names: Collection[str]) -> int:
    """Delete the documents of these names, and their notes, from every folder."""
    wanted = set(names)
    days = {landed.date(): landed for n in wanted if (landed := landed_of(n)) is not None}
    gone = 0
    for _, folder in holding(conn):
        conn.select(folder, readonly=False)
        uids: set[int] = set()
        for landed in days.values():  # only the days the documents landed on
            uids.update(conn.client.search(search_window(landed)))
        notes = _notes(conn, sorted(uids))
        names_of = name_all(fetch_messages(conn.client, sorted(uids - set(notes))).values())
        doomed = [u for u, n in names_of.items() if n in wanted]
        gone += len(doomed)
        doomed += [u for u, doc in notes.items() if doc in wanted]
        # A note may have landed days after its document (a quarantine much later).
        doomed += [u for u, doc in _notes_about(conn, wanted).items() if u not in notes]
        _expunge(conn, doomed)
    return gone


def _notes_about(conn: Conn, docs: set[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for doc in docs:
        for uid in conn.client.search(["HEADER", DOC_HEADER.decode(), doc]):
            found[uid] = doc
    return found


def _expunge(conn: Conn, uids: list[int]) -> None:
    uids = sorted(set(uids))
    if not uids:
        return
    conn.client.add_flags(uids, [DELETED], silent=True)
    if conn.has(b"UIDPLUS"):
        conn.client.uid_expunge(uids)
    else:  # nobody else flags messages \Deleted in Leadpop's folders
        conn.client.expunge()


def rewrite_own(
    conn: Conn, client: str, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> int:
    """Replace this client's activity messages that hold an event `scrub` changes."""
    folder = conn.layout.folder("Activity")
    if not conn.exists(folder):
        return 0
    conn.select(folder, readonly=False)
    uids = sorted(conn.client.search(["HEADER", activity.CLIENT_HEADER, client]))
    changed = 0
    for start in range(0, len(uids), BATCH):
        data = conn.client.fetch(uids[start : start + BATCH], activity.FETCH_ITEMS)
        for uid, item in sorted(data.items()):
            if activity.client_of(item) != client:
                continue
            lines, touched = [], 0
            for line in activity.body_of(item).split(b"\n"):
                event = decode_event(line.rstrip(b"\r")) if line.strip() else None
                new = scrub(event) if event is not None else None
                if new is not None:
                    line, touched = activity.encode(new).rstrip(b"\n"), touched + 1
                lines.append(line)
            if not touched:
                continue
            subject = "leadpop event (rewritten)"
            conn.append(folder, activity.event_message(client, b"\n".join(lines), subject))
            conn.select(folder, readonly=False)
            _expunge(conn, [uid])
            changed += touched
    return changed
