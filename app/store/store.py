"""Queries and writes on the local store. One Store per thread: a Database stays in its thread."""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.private import make_private
from app.core.timefmt import to_utc_text
from app.store.db import open_database
from app.store.sqlite import Database

if TYPE_CHECKING:
    from app.core.lead import Lead

DB_NAME = "leadpop.db"


class Store:
    def __init__(self, db: Database, messages: list[str] | None = None) -> None:
        self.db = db
        self.messages = messages or []  # for the user: e.g. "the database was damaged …"

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        db, messages = open_database(Path(data_dir) / DB_NAME)
        # Personal data: the folder and the files its user's only (a -wal or -shm SQLite
        # makes later gets the database file's mode).
        make_private(Path(data_dir), folder=True)
        for suffix in ("", "-wal", "-shm"):
            make_private(Path(data_dir) / (DB_NAME + suffix))
        return cls(db, messages)

    def close(self) -> None:
        self.db.close()

    # -- leads -----------------------------------------------------------------------------

    def insert_lead(self, lead: Lead, *, doc_name: str, sla_start: datetime, now: datetime) -> None:
        p = lead.phone
        self.db["leads"].insert(
            {
                "id": lead.id,
                "doc_name": doc_name,
                "received_at": to_utc_text(lead.received_at),
                "sla_start": to_utc_text(sla_start),
                "requested_at": to_utc_text(lead.requested_at) if lead.requested_at else None,
                "source": lead.source,
                "name": lead.name,
                "phone_raw": p.raw if p else None,
                "phone_e164": p.e164 if p else None,
                "phone_display": p.display if p else None,
                "phone_valid": int(bool(p and p.valid)),
                "phone_type": p.kind if p else None,
                "email": lead.email,
                "vehicle": json.dumps(lead.vehicle.to_json()) if lead.vehicle else None,
                "message": lead.message,
                "format": lead.format,
                "original": lead.original,
                # Also carries the Lead fields that have no column (kind, phone_alternative).
                "extra": json.dumps(lead.stored_extra(), ensure_ascii=False, default=str),
                "flags": json.dumps(lead.flags),
                "state": "open",
                "duplicates": "[]",
                "updated_at": to_utc_text(now),
            }
        )

    def lead(self, lead_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from leads where id = ?", [lead_id]))
        return rows[0] if rows else None

    def leads_by_doc(self, doc_names: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored lead of each of these document names that has one (one query)."""
        names = list(doc_names)
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(names), 500):  # SQLite's limit on bound parameters
            part = names[i : i + 500]
            marks = ",".join("?" * len(part))
            for r in self.db.query(
                f"select * from leads where doc_name in ({marks}) order by rowid", part
            ):
                out.setdefault(r["doc_name"], r)  # the first stored, should a name recur
        return out

    def unclaimed(self) -> list[dict[str, Any]]:
        """Leads seen in `new/` and not (yet) claimed, oldest first."""
        return list(
            self.db.query(
                "select * from leads where owner is null and state = 'open' order by sla_start, id"
            )
        )

    def find_same_customer(
        self, e164: str | None, email: str | None, around: datetime, window: timedelta
    ) -> dict[str, Any] | None:
        """An earlier lead of the same customer (phone or e-mail) within `window`."""
        if not e164 and not email:
            return None
        lo, hi = to_utc_text(around - window), to_utc_text(around + window)
        rows = list(
            self.db.query(
                "select * from leads where received_at >= ? and received_at <= ? and ("
                " (phone_e164 is not null and phone_e164 = ?) or"
                " (email is not null and lower(email) = lower(?)))"
                " order by received_at limit 1",
                [lo, hi, e164, email],
            )
        )
        return rows[0] if rows else None

    def add_duplicate(self, lead_id: str, info: dict[str, Any]) -> None:
        with self.db.atomic():
            row = self.lead(lead_id)
            if row is None:
                return
            dups = json.loads(row["duplicates"] or "[]")
            if info not in dups:
                dups.append(info)
            self.db["leads"].update(lead_id, {"duplicates": json.dumps(dups, ensure_ascii=False)})

    def update_lead(self, lead_id: str, now: datetime, **values: Any) -> None:
        values["updated_at"] = to_utc_text(now)
        self.db["leads"].update(lead_id, values)

    def my_leads(self, user: str) -> list[dict[str, Any]]:
        return list(
            self.db.query("select * from leads where owner = ? order by sla_start desc", [user])
        )

    # -- attempts --------------------------------------------------------------------------

    def attempts(self, lead_id: str) -> list[dict[str, Any]]:
        return list(
            self.db.query("select * from attempts where lead_id = ? order by ts, number", [lead_id])
        )

    def attempts_by_lead(self, lead_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        ids = list(lead_ids)
        out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        if not ids:
            return out
        marks = ",".join("?" * len(ids))
        for r in self.db.query(
            f"select * from attempts where lead_id in ({marks}) order by ts, number", ids
        ):
            out[r["lead_id"]].append(r)
        return out

    def add_attempt(
        self, lead_id: str, *, ts: datetime, outcome: str, note: str | None, user: str
    ) -> int:
        """Record the next attempt and return its number (1, 2, 3, …)."""
        with self.db.atomic():
            (count,) = self.db.execute(
                "select count(*) from attempts where lead_id = ?", [lead_id]
            ).fetchone()
            number = count + 1
            self.db["attempts"].insert(
                {
                    "lead_id": lead_id,
                    "number": number,
                    "ts": to_utc_text(ts),
                    "outcome": outcome,
                    "note": note,
                    "user": user,
                }
            )
        return number

    # -- reminders -------------------------------------------------------------------------

    def set_reminder(self, lead_id: str, attempt: int, due_at: datetime) -> None:
        self.db["reminders"].upsert(
            {
                "lead_id": lead_id,
                "attempt": attempt,
                "due_at": to_utc_text(due_at),
                "last_fired_at": None,
                "snoozed_until": None,
            },
            pk="lead_id",
        )

    def clear_reminder(self, lead_id: str) -> None:
        # Commits by itself outside a transaction; inside one (an action) it is part of it.
        self.db.execute("delete from reminders where lead_id = ?", [lead_id])

    def reminder(self, lead_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from reminders where lead_id = ?", [lead_id]))
        return rows[0] if rows else None

    def reminders_due_by(self, now: datetime) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "select * from reminders where due_at <= ? order by due_at", [to_utc_text(now)]
            )
        )

    def update_reminder(self, lead_id: str, **values: Any) -> None:
        self.db["reminders"].update(lead_id, values)

    # -- settings --------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("select value from settings where key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    def transaction(self) -> AbstractContextManager[Database]:
        """One local transaction holding an action's state change and its outbox event
        (write lock taken first: the Team tab's connection writes to the same file)."""
        return self.db.atomic(immediate=True)

    # -- outbox: events not yet published to the shared activity log -----------------------

    def enqueue(
        self, event: dict[str, Any], now: datetime, *, pending: dict[str, Any] | None = None
    ) -> None:
        """Queue the event; with `pending` it is an intent, held back until confirmed."""
        self.db["outbox"].insert(
            {
                "id": event["id"],
                "body": json.dumps(event, ensure_ascii=False),
                "created_at": to_utc_text(now),
                "pending": json.dumps(pending, ensure_ascii=False) if pending else None,
            }
        )

    def outbox(self) -> list[dict[str, Any]]:
        """The events to publish, oldest first (intents not yet confirmed are left out)."""
        return [
            json.loads(r["body"])
            for r in self.db.query("select body from outbox where pending is null order by seq")
        ]

    def intents(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Actions begun and not yet confirmed: (event, what is still to be done), oldest first."""
        return [
            (json.loads(r["body"]), json.loads(r["pending"]))
            for r in self.db.query(
                "select body, pending from outbox where pending is not null order by seq"
            )
        ]

    def confirm(self, event_id: str) -> None:
        """The intent's shared side effect happened: the event may be published now."""
        self.db.execute("update outbox set pending = null where id = ?", [event_id])

    def published(self, event_id: str) -> None:
        """The event is in the shared log (or an intent was abandoned): off the outbox."""
        self.db.execute("delete from outbox where id = ?", [event_id])

    # -- the team's events -----------------------------------------------------------------

    def cursor(self, source: str) -> dict[str, Any]:
        rows = list(self.db.query("select cursor from cursors where source = ?", [source]))
        return json.loads(rows[0]["cursor"]) if rows else {}

    def version(self) -> tuple[int, int]:
        """Changes so far: this connection's own writes and commits by any other connection.

        Equal versions mean equal contents: the worker skips rebuilding its lists then.
        """
        (other,) = self.db.execute("PRAGMA data_version").fetchone()
        return self.db.conn.total_changes, other

    def save_cursor(self, source: str, cursor: dict[str, Any]) -> None:
        self.db["cursors"].upsert({"source": source, "cursor": json.dumps(cursor)}, pk="source")
