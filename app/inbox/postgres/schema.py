"""The group database's tables, made and migrated by Leadpop itself.

`leadpop_meta.schema_version` says which of MIGRATIONS have run. Every Leadpop takes an
advisory lock and runs the ones it is missing in one transaction, so two PCs starting at
once don't both migrate. A database a newer Leadpop has migrated further than this code
knows is refused, in one line: an older Leadpop must not write into tables it doesn't
understand (it would corrupt the newer one's data), and a newer one may not guess.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.inbox.base import InboxConfigError

# Advisory lock keys (any 64-bit numbers, the same in every Leadpop).
MIGRATE_LOCK = 0x1EAD_0001
EVENTS_LOCK = 0x1EAD_0002

CHANNEL = "leadpop"  # LISTEN/NOTIFY: "doc:<branch>", "claim", "event"

_V1 = """
CREATE TABLE IF NOT EXISTS leadpop_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
-- One row per lead document. state: new | claimed | quarantine | duplicate. Nothing is
-- ever deleted: setting aside and claiming change the state.
CREATE TABLE documents (
    name        text PRIMARY KEY,
    branch      text NOT NULL DEFAULT '',
    received_at timestamptz NOT NULL,
    body        bytea NOT NULL,
    size        integer NOT NULL,
    state       text NOT NULL DEFAULT 'new'
                CHECK (state IN ('new', 'claimed', 'quarantine', 'duplicate')),
    owner       text,
    claimed_at  timestamptz,
    reason      text,
    source_key  text UNIQUE,  -- the producer's identity (Message-ID, file name): exactly once
    added_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((state = 'claimed') = (owner IS NOT NULL))
);
CREATE INDEX documents_new ON documents (received_at, name) WHERE state = 'new';
-- The activity log: appended under EVENTS_LOCK, so seq order is commit order and a
-- reader's "seq > cursor" never skips an event that commits late.
CREATE TABLE events (
    seq    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id     text UNIQUE,              -- the event's id: a retried append adds nothing
    client text NOT NULL,            -- user@host, as the folder's file name
    branch text NOT NULL DEFAULT '',
    ts     timestamptz,              -- the event's own fields, for group queries
    type   text,
    lead   text,
    "user" text,
    received_at timestamptz,         -- of a claimed event: the lead's
    outcome text,                    -- of a call
    body   text NOT NULL             -- the event as one JSON line, passed on unchanged
);
CREATE INDEX events_lead ON events (lead);
-- The group report reads these columns only: an index-only scan, never the bodies.
CREATE INDEX events_kpi ON events (type, lead) INCLUDE (ts, "user", branch, received_at, outcome);
"""

MIGRATIONS: tuple[str, ...] = (_V1,)

# Presence (who is at which PC) is made on first use, outside MIGRATIONS on purpose: a
# table no older Leadpop reads needs no new schema version, and a version bump would make
# every PC not yet updated refuse the database.
PRESENCE_LOCK = 0x1EAD_0003
_PRESENCE = """
CREATE TABLE IF NOT EXISTS presence (
    branch text NOT NULL DEFAULT '',
    client text NOT NULL,             -- user@host: one row per PC, replaced on refresh
    seen   timestamptz NOT NULL,
    body   text NOT NULL,             -- the record as JSON (app.core.presence)
    PRIMARY KEY (branch, client)
);
"""


def ensure_presence(conn: Any) -> None:
    """Make the presence table if it isn't there (under a lock: two PCs at once)."""
    if conn.execute("SELECT to_regclass('presence')").fetchone()[0] is not None:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PRESENCE_LOCK,))
        conn.execute(_PRESENCE)


VERSION = len(MIGRATIONS)


class SchemaTooNew(InboxConfigError):
    """The database was migrated by a newer Leadpop."""


def too_new(found: int) -> SchemaTooNew:
    return SchemaTooNew(
        f"the group database was set up by a newer Leadpop (schema {found}, this one knows "
        f"up to {VERSION}): update Leadpop on this PC"
    )


def _version(conn: Any) -> int | None:
    row = conn.execute("SELECT to_regclass('leadpop_meta')").fetchone()
    if row is None or row[0] is None:
        return None
    row = conn.execute("SELECT value FROM leadpop_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def ensure(conn: Any) -> str:
    """Make or migrate the tables; return the group's id (new when the database is new).

    `conn` is a psycopg connection outside a transaction. Raises SchemaTooNew.
    """
    found = _version(conn)
    if found is not None and found >= VERSION:
        if found > VERSION:
            raise too_new(found)
        return _group_id(conn)
    # A session lock taken before the transaction: a transaction that starts after the
    # other PC's migration committed sees its tables (its catalog cache is fresh then).
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATE_LOCK,))
    try:
        with conn.transaction():
            found = _version(conn) or 0  # again, under the lock: another PC may have done it
            if found > VERSION:
                raise too_new(found)
            for step in MIGRATIONS[found:]:
                conn.execute(step)
            conn.execute(
                "INSERT INTO leadpop_meta VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(VERSION),),
            )
            conn.execute(
                "INSERT INTO leadpop_meta VALUES ('group_id', %s) ON CONFLICT (key) DO NOTHING",
                (uuid.uuid4().hex,),
            )
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATE_LOCK,))
    return _group_id(conn)


def _group_id(conn: Any) -> str:
    row = conn.execute("SELECT value FROM leadpop_meta WHERE key = 'group_id'").fetchone()
    return str(row[0]) if row else ""
