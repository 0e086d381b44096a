"""The mailbox inbox: a shared IMAP mailbox (leads@dealer.nl) as the shared lead inbox.

    MAILBOX                       every message is a candidate lead (the e-mail intake reads it)
    Leadpop/Claimed/<user>        a claim moves the message here; a release moves it back
    Leadpop/Claims                claim tickets: the first ticket of a message wins
    Leadpop/Quarantine            unreadable messages, each with a companion note (the reason)
    Leadpop/Duplicates            duplicates set aside, with a note
    Leadpop/Activity              the team's events, one small JSON message each
    Leadpop/Presence              who is at which PC: one small message per PC, replaced

Folders are made on demand, with the server's namespace prefix and separator.

Claims: `UID MOVE` alone can't decide a race. On Dovecot's maildir both of two
simultaneous MOVEs of one message succeed, each with COPYUID, leaving two copies, and
elsewhere the loser may get a plain OK with nothing moved. So a claimer first APPENDs a
ticket naming the message's current instance (UIDVALIDITY.UID in MAILBOX). UIDs are given
out in order, and a lower UID is visible before a higher one: once my APPEND returns,
every earlier ticket can be seen, and all claimers agree that the lowest one wins. The
winner then MOVEs the message (COPYUID proves it); a loser knows the winner at once. A
release puts the message back under a new UID, which starts a new race.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import formatdate, make_msgid
from typing import Any, TypeVar
from urllib.parse import quote, unquote

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from app.core.presence import Presence
from app.core.text import one_line
from app.inbox.base import (
    ClaimResult,
    Cursor,
    DocumentGone,
    DocumentOverLimit,
    HeldDocument,
    InboxConfigError,
    InboxDoc,
    InboxError,
    InboxUnavailable,
)
from app.inbox.imap import activity
from app.inbox.imap import erasure as imap_erasure
from app.inbox.imap import presence as imap_presence
from app.inbox.imap.auth import find_password, password_needed
from app.inbox.imap.conn import (
    Conn,
    ConnectionLost,
    Session,
    fetched,
    header_value,
    server_text,
)
from app.inbox.imap.names import (
    SUFFIX,
    Message,
    fetch_messages,
    landed_of,
    name_all,
    search_window,
)
from app.inbox.imap.oauth import OAuthApp, Tokens, spec_of
from app.inbox.imap.url import parse_imap_url

log = logging.getLogger(__name__)

UIDPLUS = b"UIDPLUS"
MAX_PUSH_BACKOFF_S = 60.0
# A winning ticket this much older than a later one, with its message still in MAILBOX:
# the winner's PC died between ticket and MOVE. The next claimer completes the MOVE.
STALE_CLAIM = timedelta(seconds=60)
_TICKET_ITEMS = [b"INTERNALDATE", b"BODY.PEEK[HEADER.FIELDS (X-LEADPOP-USER)]"]
T = TypeVar("T")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _note(kind: str, headers: dict[str, str], body: str) -> bytes:
    """A small message Leadpop writes for people and for itself (ticket, set-aside note)."""
    lines = [
        "From: Leadpop <leadpop@leadpop.invalid>",
        f"Subject: Leadpop {kind}: {headers.get('X-Leadpop-Doc', '')}",
        f"Date: {formatdate(usegmt=True)}",
        f"Message-ID: {make_msgid(kind, 'leadpop.invalid')}",
        *(f"{key}: {value}" for key, value in headers.items()),
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


@dataclass
class _Listing:
    """MAILBOX as last seen; only new UIDs are ever fetched again."""

    key: tuple[int, int, int] | None = None  # (UIDVALIDITY, UIDNEXT, EXISTS)
    messages: dict[int, Message] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)


@dataclass
class _Push:
    """When push may try again: a growing delay after a drop, never after `off()`."""

    enabled: bool
    retry_at: float = 0.0
    backoff: float = 0.0

    def pause(self) -> float | None:
        """None: go ahead; else how long to wait before trying again."""
        if not self.enabled:
            return float("inf")
        left = self.retry_at - time.monotonic()
        return left if left > 0 else None

    def lost(self, exc: Exception) -> None:
        if not self.backoff:
            log.info("mailbox push interrupted (%s); retrying with backoff", exc)
        self.backoff = min(MAX_PUSH_BACKOFF_S, self.backoff * 2 or 1.0)
        self.retry_at = time.monotonic() + self.backoff

    def ok(self) -> None:
        self.backoff = 0.0

    def off(self) -> None:
        self.enabled = False


class ImapInbox:
    """The shared lead inbox as an IMAP mailbox. See app.inbox.base.Inbox for the contract."""

    def __init__(
        self,
        url: str,
        user: str,
        host: str,
        *,
        watch: bool = True,
        now: Callable[[], datetime] | None = None,
        create: bool = False,
        password: str | None = None,
        oauth: OAuthApp | None = None,
        tokens: Tokens | None = None,
    ) -> None:
        """`oauth`: IT's app registration, for an address with ?auth=; `tokens`: the access
        tokens themselves (a test's clock)."""
        self.address = parse_imap_url(url)
        self.location = self.address.display
        self.user, self.host = user, host
        self._now = now or _utc_now
        self._create = create
        self.tokens: Tokens | None = None
        credential: str | Tokens
        if self.address.auth:  # OAuth 2.0: no password; SignInNeeded until somebody signs in
            spec = spec_of(self.address, oauth or OAuthApp())
            self.tokens = tokens or Tokens(spec, self.address.user, self.address.host)
            credential = self.tokens
        else:
            secret = password or find_password(self.address.user, self.address.host)
            if not secret:
                raise password_needed(self.address.user, self.address.host)
            credential = secret
        self._session = Session(self.address, credential)
        self._push = _Push(enabled=watch)
        self._closed = threading.Event()
        self._listing = _Listing()
        try:  # config errors (password, certificate, no such mailbox) now, not at first poll
            with self._session.use() as conn:
                self._open_mailbox(conn)
        except InboxUnavailable as exc:
            log.info("mailbox inbox not reachable yet: %s", exc)
        except BaseException:
            self.close()
            raise

    @property
    def insecure_tls(self) -> bool:
        """The certificate isn't checked (?tls=insecure-skip-verify): the status bar warns."""
        return self.address.insecure_tls

    @property
    def signed_in_as(self) -> str | None:
        """The account whose OAuth sign-in opens the mailbox (None: a password mailbox)."""
        return self.tokens.account if self.tokens is not None else None

    @property
    def watching(self) -> bool:
        """Whether push (IDLE) is on right now."""
        return self._push.enabled and not self._push.backoff and self._session.connected

    def _open_mailbox(self, conn: Conn) -> None:
        mailbox = conn.layout.mailbox
        if conn.exists(mailbox):
            return
        if not self._create:
            raise InboxConfigError(
                f"mailbox {mailbox} does not exist for {self.address.user} on {self.address.host}"
            )
        conn.ensure(mailbox)

    # -- documents in MAILBOX --------------------------------------------------------------

    def _refresh(self, conn: Conn) -> _Listing:
        """EXAMINE MAILBOX; SEARCH and FETCH only when it changed, and only the new UIDs."""
        info = conn.select(conn.layout.mailbox)
        exists = int(info.get(b"EXISTS", 0))
        uidnext = info.get(b"UIDNEXT")
        validity = int(info.get(b"UIDVALIDITY", 0))
        key = (validity, int(uidnext), exists) if uidnext is not None else None
        old = self._listing
        if key is not None and key == old.key:
            return old
        known = old.messages if old.key is not None and old.key[0] == validity else {}
        uids = conn.client.search(["ALL"]) if exists else []
        messages = {uid: known[uid] for uid in uids if uid in known}
        messages.update(fetch_messages(conn.client, [u for u in uids if u not in known]))
        names = name_all(messages.values())
        self._listing = _Listing(key, messages, names, {n: u for u, n in names.items()})
        return self._listing

    def _listed(self) -> _Listing:
        with self._session.use() as conn:
            return self._refresh(conn)

    def _find(self, conn: Conn, name: str) -> int | None:
        return self._refresh(conn).by_name.get(name)

    def _again(self, op: Callable[[], T]) -> T:
        """Reads get one more try on a new connection: one that went stale between polls
        (a server restart, a NAT box's timeout) is no outage. Writes are never repeated."""
        try:
            return op()
        except ConnectionLost as exc:
            log.info("%s; connecting again", exc)
            return op()

    def list_new(self) -> list[InboxDoc]:
        listing = self._again(self._listed)
        now = self._now()
        docs = [
            InboxDoc(listing.names[uid], min(msg.landed, now), msg.size)
            for uid, msg in listing.messages.items()
        ]
        docs.sort(key=lambda d: (d.received_at, d.name))
        return docs

    def read(self, doc: InboxDoc, limit: int) -> bytes:
        return self._again(lambda: self._read(doc, limit))

    def _read(self, doc: InboxDoc, limit: int) -> bytes:
        with self._session.use() as conn:
            uid = self._find(conn, doc.name)
            meta = conn.client.fetch([uid], [b"RFC822.SIZE"]).get(uid) if uid else None
            if uid is None or not meta:
                raise DocumentGone(f"{doc.name} is no longer in the mailbox")
            size = int(meta[b"RFC822.SIZE"])
            if size > limit:  # never download it: the size check comes first
                raise DocumentOverLimit(doc.name, size, limit)
            data = conn.client.fetch([uid], [b"BODY.PEEK[]"]).get(uid, {}).get(b"BODY[]")
        if data is None:
            raise DocumentGone(f"{doc.name} is no longer in the mailbox")
        if len(data) > limit:
            raise DocumentOverLimit(doc.name, len(data), limit)
        return data

    def quarantine(self, doc: InboxDoc, reason: str) -> None:
        self._set_aside(doc.name, "Quarantine", one_line(reason))

    def set_aside_duplicate(self, doc: InboxDoc, of_name: str) -> None:
        self._set_aside(doc.name, "Duplicates", f"duplicate of {one_line(of_name)}")

    def _set_aside(self, name: str, kind: str, reason: str) -> None:
        """MOVE the message to Leadpop/<kind> and add a note with the reason. Never deletes."""
        with self._session.use() as conn:
            uid = self._find(conn, name)
            if uid is None:
                return  # another PC set it aside (or claimed it) first
            dest = conn.layout.folder(kind)
            conn.ensure(dest)
            conn.select(conn.layout.mailbox, readonly=False)
            moved = conn.move([uid], dest)
            if uid not in moved and conn.has(UIDPLUS):
                return  # no COPYUID: another PC moved it first, and wrote the note
            headers = {"X-Leadpop-Doc": name, "X-Leadpop-Moved-Uid": str(moved.get(uid, ""))}
            conn.append(dest, _note(kind.lower(), headers, reason))

    # -- claims ----------------------------------------------------------------------------

    def claim(self, name: str, user: str) -> ClaimResult:
        with self._session.use() as conn:
            uid = self._find(conn, name)
            if uid is None:
                holder = self._holder(conn, name)
                return ClaimResult(holder == user, holder)
            validity = self._listing.key[0] if self._listing.key else 0
            instance = f"<{validity}.{uid}>"
            tickets = conn.layout.folder("Claims")
            conn.ensure(tickets)
            headers = {
                "X-Leadpop-Doc": name,
                "X-Leadpop-Instance": instance,
                "X-Leadpop-User": quote(user, safe="@._-"),
            }
            conn.append(tickets, _note("claim", headers, f"claimed by {user} on {self.host}"))
            winner, stale = self._first_ticket(conn, tickets, instance)
            if winner is None or winner == user:
                return self._take(conn, uid, name, user)
            if stale:
                self._take(conn, uid, name, winner)
            return ClaimResult(False, winner)

    def _first_ticket(self, conn: Conn, folder: str, instance: str) -> tuple[str | None, bool]:
        """Who holds the first ticket for `instance`, and whether it is stale."""
        conn.select(folder)
        uids = sorted(conn.client.search(["HEADER", "X-Leadpop-Instance", instance]))
        if not uids:
            return None, False
        data = conn.client.fetch([uids[0], uids[-1]], _TICKET_ITEMS)
        first, last = data.get(uids[0], {}), data.get(uids[-1], {})
        block = fetched(first, b"BODY[HEADER.FIELDS")
        who = unquote(header_value(block, b"X-Leadpop-User").decode("ascii", "replace")) or None
        then, now = first.get(b"INTERNALDATE"), last.get(b"INTERNALDATE")
        stale = isinstance(then, datetime) and isinstance(now, datetime)
        return who, stale and now - then > STALE_CLAIM

    def _take(self, conn: Conn, uid: int, name: str, user: str) -> ClaimResult:
        """The winner's MOVE into Leadpop/Claimed/<user>."""
        dest = conn.layout.user_folder(user)
        conn.ensure(dest)
        conn.select(conn.layout.mailbox, readonly=False)
        if uid in conn.move([uid], dest) or not conn.has(UIDPLUS):
            return ClaimResult(True, user)
        holder = self._holder(conn, name)  # it left MAILBOX meanwhile (my other PC took it)
        return ClaimResult(holder == user, holder)

    def release(self, name: str, user: str) -> bool:
        with self._session.use() as conn:
            folder = conn.layout.user_folder(user)
            base = name.removesuffix(SUFFIX).split("~")[0]
            if not conn.exists(folder):
                return False
            # Every copy: two simultaneous MOVEs can leave two (the Desk then sets the
            # second aside as a duplicate of the first).
            uids = [u for u, n in self._names_in(conn, folder, name).items() if n.startswith(base)]
            if not uids:
                return False
            conn.select(folder, readonly=False)
            moved = conn.move(uids, conn.layout.mailbox)
            return bool(moved) or not conn.has(UIDPLUS)

    def claimed_by(self, name: str) -> str | None:
        def holder() -> str | None:
            with self._session.use() as conn:
                return self._holder(conn, name)

        return self._again(holder)

    def _holder(self, conn: Conn, name: str) -> str | None:
        """The user whose Leadpop/Claimed/<user> holds `name`: O(users) searches."""
        if landed_of(name) is None:
            return None
        root = conn.layout.folder("Claimed") + conn.layout.sep
        for flags, _, folder in conn.client.list_folders(root, "%"):
            user = conn.layout.user_of(folder)
            if user is None or rb"\Noselect" in flags:
                continue
            if name in self._names_in(conn, folder, name).values():
                return user
        return None

    def _names_in(self, conn: Conn, folder: str, name: str) -> dict[int, str]:
        """Names of the messages in `folder` that landed around the time `name` did."""
        landed = landed_of(name)
        if landed is None:
            return {}
        conn.select(folder)
        uids = conn.client.search(search_window(landed))
        return name_all(fetch_messages(conn.client, sorted(uids)).values()) if uids else {}

    # -- activity log ----------------------------------------------------------------------

    def append_event(self, event: dict[str, Any]) -> None:
        subject = f"leadpop event {event.get('type', '')} {event.get('lead', '')}"
        message = activity.event_message(
            activity.client_id(self.user, self.host), activity.encode(event), subject
        )
        with self._session.use() as conn:
            folder = conn.layout.folder("Activity")
            conn.ensure(folder)
            conn.append(folder, message)

    def read_events(self, cursor: Cursor) -> tuple[list[dict[str, Any]], Cursor]:
        return self._again(lambda: self._read_events(cursor))

    def _read_events(self, cursor: Cursor) -> tuple[list[dict[str, Any]], Cursor]:
        with self._session.use() as conn:
            folder = conn.layout.folder("Activity")
            conn.ensure(folder)
            info = conn.select(folder)
            pos = activity.Position.of(cursor, int(info.get(b"UIDVALIDITY", 0)))
            uidnext = info.get(b"UIDNEXT")
            if uidnext is not None and int(uidnext) <= pos.uid + 1:
                return [], pos.cursor()  # nothing new: one round trip per poll
            new = [u for u in conn.client.search(["UID", f"{pos.uid + 1}:*"]) if u > pos.uid]
            if not new:
                return [], pos.cursor()
            torn = sorted({uid for uid, _ in pos.torn.values()})
            data = conn.client.fetch(sorted(new) + torn, activity.FETCH_ITEMS)
        bodies = {uid: activity.body_of(item) for uid, item in data.items()}
        chunks = [
            activity.Chunk(uid, activity.client_of(data[uid]), bodies[uid])
            for uid in new
            if uid in data
        ]
        events, after = activity.fold(pos, chunks, {u: bodies.get(u, b"") for u in torn})
        return events, after.cursor()

    # -- presence (Leadpop/Presence, app.inbox.imap.presence) ------------------------------

    def announce(self, presence: Presence) -> None:
        with self._session.use() as conn:
            imap_presence.announce(conn, presence)

    def present(self, now: datetime) -> list[Presence]:
        def op() -> list[Presence]:
            with self._session.use() as conn:
                return imap_presence.read(conn, now)

        return self._again(op)

    # -- personal data (the AVG; app.inbox.imap.erasure) -----------------------------------

    def held_documents(self, limit: int) -> Iterator[HeldDocument]:
        with self._session.use() as conn:
            yield from imap_erasure.held(conn, limit)

    def erase_documents(self, names: Iterable[str]) -> int:
        with self._session.use() as conn:
            gone = imap_erasure.erase(conn, set(names))
        self._listing = _Listing()  # MAILBOX is listed afresh
        return gone

    def rewrite_own_log(self, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]) -> int:
        me = activity.client_id(self.user, self.host)
        with self._session.use() as conn:
            return imap_erasure.rewrite_own(conn, me, scrub)

    # -- watching, health, lifetime --------------------------------------------------------

    def wait_for_change(self, timeout: float) -> bool:
        """IDLE on the work connection (one connection per PC: Exchange Online allows about
        20 per mailbox, Gmail 15). After a drop push comes back with a growing delay; a
        server without IDLE, or a sign-in only a person can mend, leaves it to the re-list."""
        timeout = max(0.0, timeout)
        pause = self._push.pause()
        if pause is not None or self._closed.is_set():
            self._closed.wait(timeout if pause is None else min(timeout, pause))
            return False
        try:
            changed = self._session.idle_wait(timeout, lambda: self._listing.key)
        except InboxConfigError:  # the Desk shows it; a new inbox comes with a new sign-in
            self._push.off()
            return False
        except InboxError as exc:
            self._push.lost(exc)
            return False
        if changed is None:
            log.debug("mailbox push off: the server has no IDLE; the re-list finds the leads")
            self._push.off()
            return False
        self._push.ok()
        return changed

    def check(self) -> None:
        self._again(self._check)

    def _check(self) -> None:
        with self._session.use() as conn:
            self._open_mailbox(conn)
            try:
                conn.ensure(conn.layout.folder("Activity"))
            except IMAPClientAbortError:
                raise
            except IMAPClientError as exc:
                raise InboxConfigError(
                    f"Leadpop can't make its folders in mailbox {self.address.user} on "
                    f"{self.address.host} ({server_text(exc)}): it needs full access"
                ) from exc

    def close(self) -> None:
        self._closed.set()
        self._session.close()  # also wakes a waiter in wait_for_change at once

    def __enter__(self) -> ImapInbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
