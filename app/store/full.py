"""A full disk under the local store: told apart from any other error, and what waits in
memory meanwhile.

SQLite says "database or disk is full" (SQLITE_FULL) for every write once the disk has no
room, and reads go on working. The engine keeps what it could not write here (leads it
took in, intents of claims it made) and writes them when space returns.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.store.sqlite import Database

if TYPE_CHECKING:
    from app.core.lead import Lead
    from app.store.store import Store

_SQLITE_FULL = 13
# Written by the catch-up: a write that succeeds says there is room again.
SPACE_CHECKED = "disk_space_checked_at"


class DiskFull(Exception):
    """A local action could not be stored: this PC's disk is full."""

    def __init__(self, what: str = "") -> None:
        super().__init__(
            "this PC's disk is full: free some space"
            + (f" ({what} is done once there is room)" if what else "")
        )


def is_full(exc: BaseException) -> bool:
    """Whether `exc` is the store finding no room on the disk (not a damaged file, not a
    busy lock, not the inbox)."""
    if isinstance(exc, DiskFull):
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    return code == _SQLITE_FULL or "database or disk is full" in str(exc)


class Held:
    """What the engine could not store while the disk was full, written by `write`.

    Leads go into an in-memory copy of the leads table (made from the store's own
    definition), so they read back as the store's rows would: the alert shows them as any
    other. Intents are the (event, pending) pairs the outbox would hold.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._memory: Store | None = None
        self.intents: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def _leads(self) -> Store:
        if self._memory is None:
            from app.store.store import Store

            (ddl,) = self.store.db.execute(
                "select sql from sqlite_master where type = 'table' and name = 'leads'"
            ).fetchone()
            db = Database(":memory:")
            db.execute(ddl)
            self._memory = Store(db)
        return self._memory

    def add_lead(self, lead: Lead, *, doc_name: str, sla_start: datetime, now: datetime) -> None:
        self._leads().insert_lead(lead, doc_name=doc_name, sla_start=sla_start, now=now)

    def lead(self, lead_id: str) -> dict[str, Any] | None:
        return self._memory.lead(lead_id) if self._memory is not None else None

    def leads_by_doc(self, names: set[str]) -> dict[str, dict[str, Any]]:
        return self._memory.leads_by_doc(names) if self._memory is not None else {}

    def unclaimed(self) -> list[dict[str, Any]]:
        return self._memory.unclaimed() if self._memory is not None else []

    def update_lead(self, lead_id: str, now: datetime, **values: Any) -> None:
        if self._memory is not None:
            self._memory.update_lead(lead_id, now, **values)

    def holds_intent(self, event_id: str) -> bool:
        return any(ev["id"] == event_id for ev, _ in self.intents)

    def drop_intent(self, event_id: str) -> None:
        self.intents = [(ev, p) for ev, p in self.intents if ev["id"] != event_id]

    def write(self, now: datetime) -> tuple[int, int]:
        """Everything held, into the store in one transaction (with a probe write, so an
        empty hold also says whether there is room). Raises when the disk is still full,
        and then holds it all still. Returns (leads, intents) written."""
        store = self.store
        rows = list(self._memory.db.query("select * from leads")) if self._memory else []
        with store.transaction():
            for row in rows:
                if store.lead(row["id"]) is None:
                    store.db["leads"].insert(row)
            queued = {e["id"] for e, _ in store.intents()}
            for ev, pending in self.intents:
                if ev["id"] not in queued:
                    store.enqueue(ev, now, pending=pending)
            store.set_setting(SPACE_CHECKED, now.isoformat())
        if self._memory is not None:
            self._memory.close()
            self._memory = None
        intents, self.intents = len(self.intents), []
        return len(rows), intents
