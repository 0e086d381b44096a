"""Presence in the mailbox: one small message per PC in Leadpop/Presence.

A PC APPENDs its new record, then deletes its older ones (flag and UID EXPUNGE), on the
connection it already has: presence never opens a second connection to the mailbox.
Between the two steps a reader may see two records of one PC; the newer one counts.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import formatdate, make_msgid

from app.core.presence import Presence
from app.core.presence import present as team_present
from app.inbox.imap.activity import CLIENT_HEADER, client_id, client_of
from app.inbox.imap.conn import DELETED, Conn, fetched

FOLDER = "Presence"
MAX_RECORD_BYTES = 4096
_ITEMS = [
    b"BODY.PEEK[HEADER.FIELDS (X-LEADPOP-CLIENT)]<0.1024>",  # bounded, as every fetch
    f"BODY.PEEK[TEXT]<0.{MAX_RECORD_BYTES}>".encode(),
]


def message(presence: Presence) -> bytes:
    client = client_id(presence.user, presence.host)
    headers = [
        "From: Leadpop <leadpop@leadpop.invalid>",
        f"Subject: Leadpop presence {client} {presence.status}",
        f"Date: {formatdate(usegmt=True)}",
        f"Message-ID: {make_msgid('presence', 'leadpop.invalid')}",
        f"{CLIENT_HEADER}: {client}",
        "MIME-Version: 1.0",
        "Content-Type: application/json; charset=us-ascii",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("ascii") + presence.to_json() + b"\r\n"


def announce(conn: Conn, presence: Presence) -> None:
    """Replace this PC's record: the new one first, so there is always one."""
    folder = conn.layout.folder(FOLDER)
    conn.ensure(folder)
    conn.append(folder, message(presence))
    conn.select(folder, readonly=False)
    mine = client_id(presence.user, presence.host)
    uids = conn.client.search(["ALL"])
    if len(uids) < 2:
        return
    data = conn.client.fetch(uids, [_ITEMS[0]])
    own = sorted(uid for uid, item in data.items() if client_of(item) == mine)
    old = own[:-1]  # UIDs grow: the highest is the record just appended
    if not old:
        return
    conn.client.add_flags(old, [DELETED], silent=True)
    if conn.has(b"UIDPLUS"):
        conn.client.uid_expunge(old)
    else:  # nobody else marks messages \\Deleted in this folder but to expunge them
        conn.client.expunge()


def read(conn: Conn, now: datetime) -> list[Presence]:
    folder = conn.layout.folder(FOLDER)
    conn.ensure(folder)
    conn.select(folder)
    uids = conn.client.search(["NOT", "DELETED"])
    if not uids:
        return []
    data = conn.client.fetch(uids, _ITEMS)
    records = []
    for item in data.values():
        rec = Presence.from_json(fetched(item, b"BODY[TEXT]").strip())
        if rec is not None:
            records.append(rec)
    return team_present(records, now)
