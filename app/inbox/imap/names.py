"""Document names in the mailbox inbox: the same for a message wherever it is moved.

A UID changes with every move (a claim, a release), and the Desk keys leads by document
name, so a name is made from what a move keeps: the INTERNALDATE (RFC 3501: kept by COPY
and MOVE) and the message's identity, its Message-ID or else its first bytes:

    20261125-090000-3fa2b1c4d5.eml

Two messages with the same identity that landed in the same second are the same document
delivered twice: the second is named `…~2.eml`, and the Desk sets it aside as a duplicate.
A name also tells where to look for its message: the second it landed in.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.inbox.imap.conn import fetched, header_value

SUFFIX = ".eml"
IDENTITY_BYTES = 4096
BATCH = 500
# What a listing fetches per new message: its date, size and Message-ID, ~100 bytes; the
# first bytes only for the rare message without a Message-ID. Never the whole message.
META_ITEMS = [b"INTERNALDATE", b"RFC822.SIZE", b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]<0.2048>"]
PREFIX_ITEMS = [f"BODY.PEEK[]<0.{IDENTITY_BYTES}>".encode()]
_NAME = re.compile(r"^(\d{8}-\d{6})-([0-9a-f]{10})(?:~(\d+))?\.eml$")


@dataclass(frozen=True)
class Message:
    """What a listing knows of one message in one folder."""

    uid: int
    landed: datetime  # INTERNALDATE, in UTC
    size: int
    base: str  # the name without the ~N and the suffix


def message_id(meta: dict[bytes, Any]) -> bytes:
    return header_value(fetched(meta, b"BODY[HEADER.FIELDS"), b"Message-ID")


def describe(uid: int, meta: dict[bytes, Any], prefix: bytes | None = None) -> Message | None:
    """A FETCH of META_ITEMS (and of PREFIX_ITEMS, when there is no Message-ID) -> Message.

    None when the server left something out, or the first bytes are needed and missing.
    """
    landed = meta.get(b"INTERNALDATE")
    size = meta.get(b"RFC822.SIZE")
    if not isinstance(landed, datetime) or not isinstance(size, int):
        return None
    if landed.tzinfo is None:  # the server sent no zone: treat it as UTC
        landed = landed.replace(tzinfo=UTC)
    landed = landed.astimezone(UTC)
    mid = message_id(meta)
    if mid:
        identity = b"id:" + mid
    elif prefix is not None:
        identity = b"raw:" + prefix[:IDENTITY_BYTES]
    else:
        return None
    digest = hashlib.sha256(identity).hexdigest()[:10]
    return Message(uid, landed, size, f"{landed:%Y%m%d-%H%M%S}-{digest}")


def needs_prefix(meta: dict[bytes, Any]) -> bool:
    return not message_id(meta)


def fetch_messages(client: Any, uids: list[int]) -> dict[int, Message]:
    """Describe `uids` of the selected folder, in batches; vanished ones are left out."""
    out: dict[int, Message] = {}
    for start in range(0, len(uids), BATCH):
        metas = client.fetch(uids[start : start + BATCH], META_ITEMS)
        bare = [uid for uid, meta in metas.items() if needs_prefix(meta)]
        prefixes = client.fetch(bare, PREFIX_ITEMS) if bare else {}
        for uid, meta in metas.items():
            prefix = fetched(prefixes[uid], b"BODY[]") if uid in prefixes else None
            msg = describe(uid, meta, prefix)
            if msg is not None:
                out[uid] = msg
    return out


def name_all(messages: Iterable[Message]) -> dict[int, str]:
    """UID -> name for the messages of one folder; a second copy of a base gets ~2, …"""
    seen: Counter[str] = Counter()
    names: dict[int, str] = {}
    for msg in sorted(messages, key=lambda m: m.uid):
        seen[msg.base] += 1
        n = seen[msg.base]
        names[msg.uid] = f"{msg.base}{SUFFIX}" if n == 1 else f"{msg.base}~{n}{SUFFIX}"
    return names


def landed_of(name: str) -> datetime | None:
    """The second a named message landed in; None for a name that isn't ours."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        return datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def search_window(landed: datetime) -> list[Any]:
    """SEARCH criteria for the days around `landed` (SINCE/BEFORE ignore time and zone)."""
    day = landed.date()
    return ["SINCE", day - timedelta(days=1), "BEFORE", day + timedelta(days=2)]
