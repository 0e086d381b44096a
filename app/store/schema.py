"""The versioned schema. Add a new migration function; never edit an applied one."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("leadpop")


@migrations()
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


@migrations()
def m002_alerted_at(db: Database) -> None:
    """When this PC first put the lead on screen: the lead-to-alert figure, kept per lead."""
    db["leads"].add_column("alerted_at", str)
