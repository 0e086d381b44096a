"""The versioned schema. Add a new migration function to MIGRATIONS; never edit an applied one.

Migrations are written with sqlite-utils and recorded in its `_sqlite_migrations` table.
It is imported only when one is pending (app.store.db): the store's everyday calls are
app.store.sqlite, and sqlite-utils costs ~50 ms of every start-up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "leadpop"


def m001_initial(db: Database) -> None:
    db["leads"].create(
        {
            "id": str,
            "doc_name": str,  # the document's name in the shared inbox: the claim key
            "received_at": str,  # UTC ISO, see app.core.timefmt
            "sla_start": str,
            "requested_at": str,
            "source": str,
            "name": str,
            "phone_raw": str,
            "phone_e164": str,
            "phone_display": str,
            "phone_valid": int,
            "phone_type": str,
            "email": str,
            "vehicle": str,  # JSON
            "message": str,
            "format": str,
            "original": str,
            "extra": str,  # JSON
            "flags": str,  # JSON list
            "owner": str,  # None while unclaimed
            "claimed_at": str,
            "state": str,  # open | sold | lost | gone (claimed elsewhere and no longer followed)
            "lost_reason": str,
            "dismissed_at": str,
            "duplicates": str,  # JSON list of {doc_name, received_at, source}
            "updated_at": str,
        },
        pk="id",
        not_null={"doc_name", "received_at", "sla_start", "state"},
        defaults={"state": "open", "duplicates": "[]", "flags": "[]", "phone_valid": 0},
    )
    db["leads"].create_index(["doc_name"])
    db["leads"].create_index(["owner", "state"])
    db["leads"].create_index(["phone_e164"])
    db["leads"].create_index(["email"])
    db["attempts"].create(
        {
            "id": int,
            "lead_id": str,
            "number": int,
            "ts": str,
            "outcome": str,
            "note": str,
            "user": str,
        },
        pk="id",
        foreign_keys=[("lead_id", "leads", "id")],
        not_null={"lead_id", "number", "ts", "outcome"},
    )
    db["attempts"].create_index(["lead_id", "number"])
    db["reminders"].create(
        {"lead_id": str, "attempt": int, "due_at": str, "last_fired_at": str, "snoozed_until": str},
        pk="lead_id",
        foreign_keys=[("lead_id", "leads", "id")],
        not_null={"attempt", "due_at"},
    )
    db["reminders"].create_index(["due_at"])
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["outbox"].create(
        {"seq": int, "id": str, "body": str, "created_at": str},
        pk="seq",
        not_null={"id", "body"},
    )
    db["outbox"].create_index(["id"], unique=True)
    # The team's events, read from the shared activity log; the id makes re-reads harmless.
    db["events"].create(
        {
            "id": str,
            "ts": str,
            "type": str,
            "lead": str,
            "user": str,
            "host": str,
            "received_at": str,
            "body": str,
        },
        pk="id",
        not_null={"ts", "type", "lead"},
    )
    db["events"].create_index(["lead"])
    db["events"].create_index(["type", "received_at"])
    db["cursors"].create({"source": str, "cursor": str}, pk="source")


def m002_alerted_at(db: Database) -> None:
    """When this PC first put the lead on screen: the lead-to-alert figure, kept per lead."""
    db["leads"].add_column("alerted_at", str)


def m003_team_facts(db: Database) -> None:
    """Per-lead facts folded from the events, kept up to date incrementally.

    The Team tab and `leadpop report` read a period's leads from here instead of
    re-folding a year of events (app/store/team_queries.py keeps it in step).
    """
    db["lead_facts"].create(
        {
            "lead": str,
            "received_at": str,  # UTC ISO with full precision: string order is time order
            "sla_start": str,  # depends on the opening hours; see facts_meta "hours"
            "owner": str,  # the user of the latest claim
            "name": str,
            "source": str,
            "doc": str,  # the document name of the latest claim (the claim key), if it said
            "claimed_at": str,
            "calls": str,  # JSON [[ts as logged, attempt, outcome, user], ...], oldest first
            "attempts": int,
            "reached": int,
            "appointment": int,
            "sold": int,
            "lost": int,
            "lost_reason": str,
            "released": int,  # the latest claim/release was a release: back with the team
            "followup": int,  # owned, open, not reached, < 3 calls: still being followed up
        },
        pk="lead",
        not_null={"received_at", "sla_start", "owner"},
    )
    db["lead_facts"].create_index(["received_at"])
    db["lead_facts"].create_index(["owner", "received_at"])
    db["lead_facts"].create_index(["followup", "received_at"])
    db["facts_meta"].create({"key": str, "value": str}, pk="key")
    # Leads the manager was told about (unclaimed past 2:00): once per lead, across restarts.
    db["team_notified"].create({"lead": str, "notified_at": str}, pk="lead")


def m004_lead_states(db: Database) -> None:
    """Keep one mergeable state per lead (app.core.fold) instead of every event.

    A first read of a year of the team's log took ~10 s, most of it storing and re-reading
    the events. The events already read are folded into the new table here, so nothing has
    to be read from the share again; the derived columns are filled in on the next refresh
    (team_queries.refresh_facts). The SLA start is no longer stored: it depends on the
    opening hours, and is computed when a lead is read.
    """
    from app.core.events import decode_event, record_of
    from app.core.fold import LeadState

    db["lead_facts"].drop()
    db["lead_facts"].create(
        {
            "lead": str,
            "state": str,  # LeadState.to_json() as JSON
            "received_at": str,  # UTC ISO, full precision: string order is time order
            "owner": str,  # the user of the latest claim; both are null until it is claimed
            "followup": int,  # owned, open, not reached, < 3 calls: still being followed up
            # What the KPIs read, so `leadpop report` needn't decode the states:
            "first_call_at": str,  # the first call's ts as logged
            "attempts": int,
            "reached": int,
            "appointment": int,
            "sold": int,
        },
        pk="lead",
        not_null={"state", "followup"},
        defaults={"followup": 0},
    )
    db["lead_facts"].create_index(["received_at"])
    db.execute(
        "create index idx_lead_facts_followup on lead_facts (received_at) where followup = 1"
    )
    states: dict[str, LeadState] = {}
    for (body,) in db.execute("select body from events order by rowid"):
        ev = decode_event(body)
        if ev is not None:
            rec, instant = record_of(ev)
            states.setdefault(rec.lead, LeadState()).apply(rec, instant)
    db.conn.executemany(
        "insert into lead_facts (lead, state) values (?, ?)",
        [(lead, json.dumps(s.to_json())) for lead, s in states.items()],
    )
    db.execute("delete from facts_meta")  # the next refresh fills in the derived columns
    db["events"].drop()


def m005_intents(db: Database) -> None:
    """Crash-only actions: an action on the shared inbox is first stored as an intent.

    `outbox.pending` holds what is still to be done for an event (JSON: the claim or
    release on the inbox, see app.engine.desk); it is null once the event may be
    published. `leads.call_started_at` is when "Call now" was pressed: the call's time in
    its `call` event, so speed to first call doesn't include the talking.
    """
    db["outbox"].add_column("pending", str)
    db["leads"].add_column("call_started_at", str)


def m006_routing(db: Database) -> None:
    """The routing mode each lead was offered under (its first claim's), so the KPIs can be
    split per mode. Filled from the stored states by the next refresh (FOLD_VERSION 4);
    a state stored before the mode was kept leaves it null: shown as not recorded."""
    db["lead_facts"].add_column("routing", str)


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    m001_initial,
    m002_alerted_at,
    m003_team_facts,
    m004_lead_states,
    m005_intents,
    m006_routing,
)


def registry() -> Migrations:
    """The migrations as sqlite-utils applies them (imports sqlite-utils)."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        migrations()(migration)
    return migrations
