"""The group inbox: a PostgreSQL database shared by every branch of a dealer group.

    documents   one row per lead document: new, claimed (owner), quarantine or duplicate
    events      the group's activity log, one row per event, in commit order
    presence    who is at which PC of the branch: one row per PC, replaced on refresh
    leadpop_meta the schema version and the group's id

A claim is one conditional UPDATE: the row's state moves from new to claimed only if no
one else moved it first, and the database decides between racing PCs. Each write NOTIFYs
the PCs that LISTEN (app.inbox.postgres.listener); they also re-check every 2 s.

Branches: a document belongs to the branch it was put in through (`?branch=` of the
producer's address; none: the whole group). A PC lists the new documents of its own
branch and the group-wide ones; an address without a branch sees every branch.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from app.core.events import EventLines, decode_event, encode_event
from app.core.presence import Presence
from app.core.presence import present as team_present
from app.core.text import one_line
from app.inbox.base import (
    ClaimResult,
    Cursor,
    DocumentGone,
    DocumentOverLimit,
    HeldDocument,
    InboxDoc,
    InboxUnavailable,
)
from app.inbox.credentials import find_password
from app.inbox.postgres import schema
from app.inbox.postgres.address import PgAddress, parse_pg_url
from app.inbox.postgres.db import Database
from app.inbox.postgres.listener import Listener
from app.inbox.postgres.schema import CHANNEL

log = logging.getLogger(__name__)

ENV_PASSWORD = "PGPASSWORD"  # libpq's own; the keyring when it isn't set
SCHEMA_RECHECK_S = 60.0
IMPORT_BATCH = 500  # documents per transaction when a migration copies them


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _event_time(text: Any) -> datetime | None:
    try:
        ts = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return ts if ts.tzinfo is not None else None


class PostgresInbox:
    """The shared lead inbox as a PostgreSQL database. See app.inbox.base.Inbox."""

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
        heartbeat_s: float | None = None,
    ) -> None:
        """`create` is accepted for the contract's sake: the tables are always made."""
        self.address: PgAddress = parse_pg_url(url)
        self.location = self.address.display
        self.branch = self.address.branch
        self.user, self.host = user, host
        self._now = now or _utc_now
        secret = password or find_password(self.address.user, self.address.host, ENV_PASSWORD)
        self._db = Database(self.address, secret)  # no secret: libpq's .pgpass, or we ask
        self.group_id = ""
        self._schema_seen = time.monotonic()
        self._listener: Listener | None = None
        self._presence_made = False
        try:
            # Config errors (password, database, a newer schema) now, not at the first poll.
            self.group_id = self._db.run(schema.ensure, again=True)
        except InboxUnavailable as exc:  # merely down: every operation will say so
            log.info("group inbox not reachable yet: %s", exc)
        except BaseException:
            self.close()
            raise
        if watch:
            kw = {} if heartbeat_s is None else {"heartbeat_s": heartbeat_s}
            self._listener = Listener(self._db.connect, **kw)

    @property
    def watching(self) -> bool:
        """Whether push (LISTEN) is connected right now."""
        return self._listener is not None and self._listener.connected

    @property
    def push_problem(self) -> str | None:
        """One line when push can't work here (PgBouncer in transaction pooling)."""
        from app.inbox.postgres.listener import POOLED_WARNING

        return POOLED_WARNING if self._listener is not None and self._listener.pooled else None

    def _ensure_schema(self, conn: psycopg.Connection[Any]) -> None:
        """Made when the server was away at open; and the version again now and then: a
        newer Leadpop may have migrated the tables since (then this one stops writing)."""
        if not self.group_id or time.monotonic() - self._schema_seen > SCHEMA_RECHECK_S:
            self.group_id = schema.ensure(conn)
            self._schema_seen = time.monotonic()

    # -- documents -------------------------------------------------------------------------

    def list_new(self) -> list[InboxDoc]:
        def op(conn: psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
            self._ensure_schema(conn)
            sql = "SELECT name, received_at, size FROM documents WHERE state = 'new'"
            if self.branch:
                return conn.execute(sql + " AND branch IN ('', %s)", (self.branch,)).fetchall()
            return conn.execute(sql).fetchall()

        rows = self._db.run(op, again=True)
        now = self._now()
        docs = [InboxDoc(name, min(at, now).astimezone(UTC), size) for name, at, size in rows]
        docs.sort(key=lambda d: (d.received_at, d.name))
        return docs

    def read(self, doc: InboxDoc, limit: int) -> bytes:
        def op(conn: psycopg.Connection[Any]) -> tuple[int, bytes | None] | None:
            # The size first: a document over the limit is never fetched.
            return conn.execute(
                "SELECT size, CASE WHEN size <= %s THEN body END FROM documents "
                "WHERE name = %s AND state = 'new'",
                (limit, doc.name),
            ).fetchone()

        row = self._db.run(op, again=True)
        if row is None:
            raise DocumentGone(f"{doc.name} is no longer in the inbox")
        size, body = row
        if size > limit or body is None:
            raise DocumentOverLimit(doc.name, size, limit)
        return bytes(body)

    def quarantine(self, doc: InboxDoc, reason: str) -> None:
        self._set_aside(doc.name, "quarantine", one_line(reason))

    def set_aside_duplicate(self, doc: InboxDoc, of_name: str) -> None:
        self._set_aside(doc.name, "duplicate", f"duplicate of {one_line(of_name)}")

    def _set_aside(self, name: str, state: str, reason: str) -> None:
        """Only from new: a second PC setting it aside finds nothing left to do."""

        def op(conn: psycopg.Connection[Any]) -> None:
            conn.execute(
                "UPDATE documents SET state = %s, reason = %s WHERE name = %s AND state = 'new'",
                (state, reason, name),
            )

        self._db.run(op)

    def put_document(
        self,
        data: bytes,
        *,
        name: str,
        received_at: datetime | None = None,
        key: str | None = None,
    ) -> str | None:
        """A producer's document lands in this PC's branch, whole or not at all.

        `key` (a Message-ID, a file's name at its source) makes it exactly once: a second
        put with the same key adds nothing and returns None. Returns the document's name.
        """
        at = min(received_at or self._now(), self._now())

        def op(conn: psycopg.Connection[Any]) -> str | None:
            self._ensure_schema(conn)
            with conn.transaction():
                row = conn.execute(
                    "INSERT INTO documents (name, branch, received_at, body, size, source_key) "
                    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING name",
                    (name, self.branch, at, data, len(data), key),
                ).fetchone()
                if row is not None:
                    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"doc:{self.branch}"))
            return None if row is None else str(row[0])

        return self._db.run(op)

    def has_document(self, key: str) -> bool:
        """Whether a document with this producer key is already in (a bridge's check)."""

        def op(conn: psycopg.Connection[Any]) -> bool:
            self._ensure_schema(conn)
            row = conn.execute("SELECT 1 FROM documents WHERE source_key = %s", (key,))
            return row.fetchone() is not None

        return self._db.run(op, again=True)

    @staticmethod
    def unique_name(stem: str, suffix: str, now: datetime) -> str:
        """A producer's document name: the time, the stem and a random part, like a drop."""
        return f"{now.strftime('%Y%m%d-%H%M%S')}-{stem}-{secrets.token_hex(3)}{suffix}"

    def import_folder(self, root: Path) -> tuple[int, int, int]:
        """Copy every document of the folder inbox at `root` (migrate-inbox); returns how
        many were added: (documents, of which claimed, of which set aside)."""
        from app.inbox.postgres.folder_import import folder_documents

        try:
            return self._import(folder_documents(root))
        except OSError as exc:
            raise InboxUnavailable(f"inbox folder {root}: {exc.strerror or exc}") from exc

    def import_documents(self, docs: Iterable[tuple[InboxDoc, bytes]]) -> tuple[int, int, int]:
        """Copy documents waiting in another inbox (migrate-inbox from a mailbox)."""
        from app.inbox.postgres.folder_import import FolderDoc

        return self._import(FolderDoc(d.name, d.received_at, data, "new") for d, data in docs)

    def _import(self, docs: Iterable[Any]) -> tuple[int, int, int]:
        added = claimed = aside = 0
        batch: list[tuple[Any, ...]] = []

        def flush(conn: psycopg.Connection[Any]) -> list[str]:
            self._ensure_schema(conn)
            states: list[str] = []
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO documents (name, branch, received_at, body, size, state, owner, "
                    "reason, source_key) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT DO NOTHING RETURNING state",
                    batch,
                    returning=True,
                )
                while True:
                    states.extend(row[0] for row in cur.fetchall())
                    if not cur.nextset():
                        break
            return states

        def count(states: list[str]) -> None:
            nonlocal added, claimed, aside
            added += len(states)
            claimed += states.count("claimed")
            aside += sum(s in ("quarantine", "duplicate") for s in states)

        for doc in docs:  # in batches: a year's documents don't all fit in memory
            batch.append(
                (
                    doc.name,
                    self.branch,
                    doc.received_at,
                    doc.data,
                    len(doc.data),
                    doc.state,
                    doc.owner,
                    doc.reason,
                    f"name:{doc.name}",
                )
            )
            if len(batch) >= IMPORT_BATCH:
                count(self._db.run(flush))
                batch = []
        if batch:
            count(self._db.run(flush))
        return added, claimed, aside

    # -- claims ----------------------------------------------------------------------------

    def claim(self, name: str, user: str) -> ClaimResult:
        def op(conn: psycopg.Connection[Any]) -> ClaimResult:
            with conn.transaction():
                won = conn.execute(
                    "UPDATE documents SET state = 'claimed', owner = %s, claimed_at = now() "
                    "WHERE name = %s AND state = 'new' AND owner IS NULL RETURNING owner",
                    (user, name),
                ).fetchone()
                if won is not None:
                    conn.execute("SELECT pg_notify(%s, 'claim')", (CHANNEL,))
                    return ClaimResult(True, user)
            row = conn.execute("SELECT owner FROM documents WHERE name = %s", (name,)).fetchone()
            holder = row[0] if row else None
            return ClaimResult(holder == user and holder is not None, holder)

        return self._db.run(op)

    def release(self, name: str, user: str) -> bool:
        def op(conn: psycopg.Connection[Any]) -> bool:
            with conn.transaction():
                done = conn.execute(
                    "UPDATE documents SET state = 'new', owner = NULL, claimed_at = NULL "
                    "WHERE name = %s AND state = 'claimed' AND owner = %s",
                    (name, user),
                ).rowcount
                if done:
                    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, "doc:"))
            return bool(done)

        return self._db.run(op)

    def claimed_by(self, name: str) -> str | None:
        def op(conn: psycopg.Connection[Any]) -> str | None:
            row = conn.execute(
                "SELECT owner FROM documents WHERE name = %s AND state = 'claimed'", (name,)
            ).fetchone()
            return str(row[0]) if row else None

        return self._db.run(op, again=True)

    # -- activity log ----------------------------------------------------------------------

    def append_event(self, event: dict[str, Any]) -> None:
        self.append_events([event])

    def append_events(self, events: Iterable[dict[str, Any]]) -> int:
        """Append events in one transaction (a migration's whole log); returns how many
        were new. An event already there (a retry after a lost connection) adds nothing."""
        rows = [self._row(e) for e in events]
        if not rows:
            return 0

        def op(conn: psycopg.Connection[Any]) -> int:
            self._ensure_schema(conn)
            with conn.transaction():
                # One writer at a time: seq order is commit order (see schema).
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (schema.EVENTS_LOCK,))
                with conn.cursor() as cur:
                    cur.executemany(
                        'INSERT INTO events (id, client, branch, ts, type, lead, "user", '
                        "received_at, outcome, body) "
                        f"VALUES ({', '.join(['%s'] * 10)}) ON CONFLICT (id) DO NOTHING",
                        rows,
                    )
                    added = max(cur.rowcount, 0)
                conn.execute("SELECT pg_notify(%s, 'event')", (CHANNEL,))
            return added

        return self._db.run(op)

    def _row(self, event: dict[str, Any]) -> tuple[Any, ...]:
        client = f"{event.get('user', self.user)}@{event.get('host', self.host)}"
        return (
            event.get("id"),
            client,
            self.branch,
            _event_time(event.get("ts")),
            event.get("type"),
            event.get("lead"),
            event.get("user"),
            _event_time(event.get("received_at")) if event.get("type") == "claimed" else None,
            event.get("outcome") if event.get("type") == "call" else None,
            encode_event(event).decode("utf-8"),
        )

    def read_events(self, cursor: Cursor) -> tuple[Iterable[dict[str, Any]], Cursor]:
        def op(conn: psycopg.Connection[Any]) -> tuple[list[str], int]:
            self._ensure_schema(conn)
            after = cursor.get("seq", 0) if cursor.get("group") == self.group_id else 0
            if not isinstance(after, int) or isinstance(after, bool) or after < 0:
                after = 0
            with conn.cursor() as cur:
                cur.execute("SELECT seq, body FROM events WHERE seq > %s ORDER BY seq", (after,))
                rows = cur.fetchall()
            return [body for _, body in rows], (rows[-1][0] if rows else after)

        bodies, last = self._db.run(op, again=True)
        after: Cursor = {"group": self.group_id, "seq": last}
        if not bodies:
            return [], after
        # One block of JSON lines: the same decoder (and skipping of bad lines) as a folder.
        return EventLines([("".join(bodies)).encode("utf-8")]), after

    # -- personal data (the AVG): the whole group's documents (a customer is the group's) ---
    # Rows are deleted or rewritten; the server's own files (dead row versions until
    # VACUUM, its WAL, its backups) are the DBA's, see the README.

    def held_documents(self, limit: int) -> Iterator[HeldDocument]:
        def op(conn: psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
            self._ensure_schema(conn)
            return conn.execute(
                "SELECT name, state, owner, substring(body FROM 1 FOR %s), reason"
                " FROM documents ORDER BY name",
                (limit,),
            ).fetchall()

        for name, state, owner, body, reason in self._db.run(op, again=True):
            where = {"claimed": f"claimed/{owner}", "duplicate": "duplicates"}.get(state, state)
            yield HeldDocument(name, where, bytes(body), reason)

    def erase_documents(self, names: Iterable[str]) -> int:
        wanted = sorted(set(names))

        def op(conn: psycopg.Connection[Any]) -> int:
            cur = conn.execute("DELETE FROM documents WHERE name = ANY(%s)", (wanted,))
            return max(cur.rowcount, 0)

        return self._db.run(op)

    def rewrite_own_log(self, scrub: Callable[[dict[str, Any]], dict[str, Any] | None]) -> int:
        """In place: a row keeps its seq, so no reader reads it as new."""
        me = f"{self.user}@{self.host}"

        def op(conn: psycopg.Connection[Any]) -> int:
            changed = 0
            with conn.transaction():
                rows = conn.execute(
                    "SELECT seq, body FROM events WHERE client = %s FOR UPDATE", (me,)
                ).fetchall()
                for seq, body in rows:
                    event = decode_event(body)
                    new = scrub(event) if event is not None else None
                    if new is not None:
                        text = encode_event(new).decode("utf-8")
                        conn.execute("UPDATE events SET body = %s WHERE seq = %s", (text, seq))
                        changed += 1
            return changed

        return self._db.run(op)

    # -- presence (one row per PC, schema.ensure_presence) ----------------------------------

    def announce(self, presence: Presence) -> None:
        def op(conn: psycopg.Connection[Any]) -> None:
            if not self._presence_made:
                schema.ensure_presence(conn)
                self._presence_made = True
            conn.execute(
                "INSERT INTO presence (branch, client, seen, body) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (branch, client) DO UPDATE "
                "SET seen = excluded.seen, body = excluded.body",
                (self.branch, presence.client, presence.seen, presence.to_json().decode()),
            )

        self._db.run(op)

    def present(self, now: datetime) -> list[Presence]:
        def op(conn: psycopg.Connection[Any]) -> list[str]:
            if not self._presence_made:
                schema.ensure_presence(conn)
                self._presence_made = True
            rows = conn.execute("SELECT body FROM presence WHERE branch = %s", (self.branch,))
            return [body for (body,) in rows.fetchall()]

        records = [Presence.from_json(body) for body in self._db.run(op, again=True)]
        return team_present([r for r in records if r is not None], now)

    def group_figures(self, since: datetime, until: datetime) -> list[dict[str, Any]]:
        """The KPIs per branch and salesperson, and the group's, computed in the database
        (app.inbox.postgres.group_report): no PC reads a year of events for them."""
        from app.inbox.postgres.group_report import group_figures

        return self._db.run(lambda conn: group_figures(conn, since, until), again=True)

    def kpi_leads(self, since: datetime, until: datetime) -> list[tuple[Any, ...]]:
        """Per lead of [since, until), what the KPIs read, folded in the database
        (app.inbox.postgres.group_report.kpi_leads): `leadpop report` and the Team tab's
        branches without reading the year of events."""
        from app.inbox.postgres.group_report import kpi_leads

        return self._db.run(lambda conn: kpi_leads(conn, since, until), again=True)

    def branches(self) -> list[str]:
        """The branches whose PCs claimed leads ('' for PCs without a branch), as
        kpi_leads gives them; an index-only scan, like the group report."""

        def op(conn: psycopg.Connection[Any]) -> list[str]:
            sql = "SELECT DISTINCT branch FROM events WHERE type = 'claimed' ORDER BY 1"
            rows = conn.execute(sql).fetchall()
            return [str(r[0]) for r in rows]

        return self._db.run(op, again=True)

    # -- watching, health, lifetime --------------------------------------------------------

    def wait_for_change(self, timeout: float) -> bool:
        if self._listener is None:
            return False
        return self._listener.wait(timeout)

    def check(self) -> None:
        def op(conn: psycopg.Connection[Any]) -> None:
            self._schema_seen = float("-inf")  # the version again, now
            self._ensure_schema(conn)
            conn.execute("SELECT 1 FROM documents LIMIT 0")

        self._db.run(op, again=True)

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        self._db.close()

    def __enter__(self) -> PostgresInbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
