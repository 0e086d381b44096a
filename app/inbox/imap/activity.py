"""The activity log in the mailbox: each event is a small message in Leadpop/Activity.

A message's body is JSON Lines, and a client's messages (X-Leadpop-Client, in UID order)
form its stream, read with the folder inbox's rules: a malformed line is skipped, and an
unterminated last line waits until the same client's next message terminates it. Leadpop
itself never writes one (an APPEND lands whole or not at all); the rule makes anything
else dropped into the folder harmless. The cursor is {"uidvalidity", "uid", "torn"}: a
new UIDVALIDITY means a rebuilt folder, read again from the start (readers dedup by id).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import quote

from app.core.events import decode_event
from app.inbox.activity_log import MAX_LINE_BYTES as MAX_EVENT_BYTES  # bounds a corrupt one
from app.inbox.imap.conn import fetched, header_value

CLIENT_HEADER = "X-Leadpop-Client"
FETCH_ITEMS = [
    b"BODY.PEEK[HEADER.FIELDS (X-LEADPOP-CLIENT)]",
    f"BODY.PEEK[TEXT]<0.{MAX_EVENT_BYTES}>".encode(),
]
_SUBJECT_SAFE = re.compile(r"[^A-Za-z0-9 ._@:-]")


def client_id(user: str, host: str) -> str:
    """`user@host`, ASCII for a header (a name with accents is percent-encoded)."""
    return quote(f"{user}@{host}", safe="@._-")


def encode(event: dict[str, Any]) -> bytes:
    """One line of 7-bit JSON: any server takes it, whatever the names in it."""
    return (json.dumps(event, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def event_message(client: str, body: bytes, subject: str) -> bytes:
    """The message that carries `body`; the Subject lets a person browse the folder."""
    headers = [
        "From: Leadpop <leadpop@leadpop.invalid>",
        f"Subject: {_SUBJECT_SAFE.sub('_', subject)[:120]}",
        f"Date: {formatdate(usegmt=True)}",
        f"Message-ID: {make_msgid('event', 'leadpop.invalid')}",
        f"{CLIENT_HEADER}: {client}",
        "MIME-Version: 1.0",
        "Content-Type: application/json; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii") + body


@dataclass
class Position:
    """Where a reader is: everything up to `uid` is read, except the torn tails."""

    uidvalidity: int | None = None
    uid: int = 0
    torn: dict[str, tuple[int, int]] = field(default_factory=dict)  # client -> (uid, offset)

    @classmethod
    def of(cls, cursor: dict[str, Any], uidvalidity: int) -> Position:
        """The cursor's position in a folder of `uidvalidity`; from the start if it's another."""
        uid, validity = cursor.get("uid"), cursor.get("uidvalidity")
        if validity != uidvalidity or not _is_count(uid):
            return cls(uidvalidity)
        torn: dict[str, tuple[int, int]] = {}
        raw = cursor.get("torn")
        for client, spot in raw.items() if isinstance(raw, dict) else ():
            if isinstance(spot, list | tuple) and len(spot) == 2 and all(map(_is_count, spot)):
                torn[str(client)] = (int(spot[0]), int(spot[1]))
        return cls(uidvalidity, int(uid), torn)

    def cursor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"uidvalidity": self.uidvalidity, "uid": self.uid}
        if self.torn:
            out["torn"] = {c: [u, o] for c, (u, o) in sorted(self.torn.items())}
        return out


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def client_of(data: dict[bytes, Any]) -> str:
    """The X-Leadpop-Client of a message fetched with FETCH_ITEMS."""
    return header_value(fetched(data, b"BODY[HEADER.FIELDS"), CLIENT_HEADER.encode()).decode(
        "ascii", "replace"
    )


def body_of(data: dict[bytes, Any]) -> bytes:
    return fetched(data, b"BODY[TEXT]")


@dataclass(frozen=True)
class Chunk:
    uid: int
    client: str
    body: bytes


def fold(
    pos: Position, chunks: Iterable[Chunk], old: dict[int, bytes]
) -> tuple[list[dict[str, Any]], Position]:
    """The events in the new `chunks` (UID order), and the position after them.

    `old` holds the bodies of the torn messages the position points at.
    """
    events: list[dict[str, Any]] = []
    waiting = {c: (uid, off, old.get(uid, b"")) for c, (uid, off) in pos.torn.items()}
    last = pos.uid
    for chunk in sorted(chunks, key=lambda c: c.uid):
        last = max(last, chunk.uid)
        if chunk.client in waiting:  # this message terminates the torn tail before it
            _, off, body = waiting.pop(chunk.client)
            events += _events(body[off:])
        end = len(chunk.body) if len(chunk.body) >= MAX_EVENT_BYTES else chunk.body.rfind(b"\n") + 1
        events += _events(chunk.body[:end])
        if end < len(chunk.body):
            waiting[chunk.client] = (chunk.uid, end, chunk.body)
    torn = {client: (uid, off) for client, (uid, off, _) in waiting.items()}
    return events, Position(pos.uidvalidity, last, torn)


def _events(data: bytes) -> list[dict[str, Any]]:
    out = []
    for line in data.split(b"\n"):
        event = decode_event(line.rstrip(b"\r")) if line.strip() else None
        if event is not None:
            out.append(event)
    return out
