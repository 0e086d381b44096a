"""Each lead's folded state (app.core.fold), stored indexed and kept up to date.

The Team tab and `leadpop report` read a period's leads from the `lead_facts` table: one
row per lead with its LeadState as JSON, plus the columns they select on (landing time,
owner, still followed up) and the ones the KPIs read (first call, attempts, reached,
appointment, sold), so a report needn't decode the states. The SLA start depends on the
opening hours, which can change: it is computed when a lead is read, not stored.

New events are absorbed into their leads' states as they are read: a report costs a
range read, and a first read of a year of the team's log one pass over it. The events
themselves are not kept; the shared log has them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

import msgspec

from app.core.events import EventLines, EventRecord, record_of
from app.core.fold import LeadState
from app.core.hours import OpeningHours
from app.core.kpi import KpiLead, LeadFacts, first_call_s
from app.core.timefmt import to_utc_text_exact
from app.store.sqlite import Database

_T = TypeVar("_T")
_dumps = msgspec.json.Encoder().encode
_loads = msgspec.json.Decoder().decode
# Bump when LeadState's facts or the derived columns change: they are then recomputed from
# the stored states (the states themselves stay; a change to them needs a migration).
FOLD_VERSION = "4"
BATCH = 20_000  # events decoded and absorbed at a time
CHUNK = 500  # leads per query: SQLite's limit on bound parameters is higher, but not by much
BULK_ROWS = 10_000  # an upsert this big gets a bigger page cache while it is written
BULK_CACHE_KIB = 65_536
DEFAULT_CACHE = -2000  # SQLite's default: 2,000 KiB
_META_FOLD = "fold"
_COLUMNS = (
    "lead",
    "state",
    "received_at",
    "owner",
    "followup",
    "first_call_at",
    "attempts",
    "reached",
    "appointment",
    "sold",
    "routing",
)
_UPSERT = (
    f"insert or replace into lead_facts ({', '.join(_COLUMNS)})"
    f" values ({', '.join('?' * len(_COLUMNS))})"
)


@contextmanager
def _writing(db: Database) -> Iterator[None]:
    """A write transaction taken before reading the states it updates.

    Two connections (the salesperson's worker and the Team tab's) absorb events into the
    same rows: BEGIN IMMEDIATE makes the second wait instead of overwriting the first.
    """
    conn = db.conn
    if conn.in_transaction:  # inside the caller's transaction: that one holds the lock
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


# -- absorbing events ---------------------------------------------------------------------


def add_events(db: Database, events: Iterable[dict[str, Any]]) -> int:
    """Absorb valid events (app.core.events.decode_event) into their leads' states.

    Returns how many changed something: an event read again (same id) or a repeat that
    says nothing new (a second `sold`) changes nothing. EventLines are decoded as they
    are absorbed, so a year of the team's log is never held in memory as dicts.
    """
    refresh_facts(db)
    if not isinstance(events, EventLines):
        events = list(events)  # small (a mailbox batch, one own event); may be read twice
    gc_was_on = gc.isenabled()
    # A first read makes ~1 million small objects that all stay alive: collecting cycles
    # among them (there are none) took a third of the time.
    gc.disable()
    try:
        if not _any_state(db):
            # A first read (a year of the log: seconds on a slow PC) is folded before the
            # write lock is taken, so the other worker's writes don't wait that long.
            states: dict[str, LeadState] = {}
            changed = _fold(_timed(events), states)
            with _writing(db):
                if not _any_state(db):  # still nobody else's: write it all
                    leads = [lead for lead, state in states.items() if not state.empty()]
                    _write_states(db, states, leads)
                    return changed
            # The other worker wrote first: absorb again, into its states.
        with _writing(db):
            states = {}
            changed, dirty = _absorb(db, _timed(events), states)
            _write_states(db, states, dirty)
        return changed
    finally:
        if gc_was_on:
            gc.enable()


def _timed(events: Iterable[dict[str, Any]]) -> Iterable[tuple[EventRecord, float]]:
    return events.records() if isinstance(events, EventLines) else map(record_of, events)


def _any_state(db: Database) -> bool:
    return bool(db.execute("select exists (select 1 from lead_facts)").fetchone()[0])


def _fold(
    timed: Iterable[tuple[EventRecord, float]],
    states: dict[str, LeadState],
    dirty: set[str] | None = None,
) -> int:
    """Fold into `states` (a lead not in it starts afresh), noting changed leads in `dirty`.
    Returns how many events changed something."""
    changed = 0
    get = states.get
    for ev, when in timed:
        state = get(ev.lead)
        if state is None:
            state = states[ev.lead] = LeadState()
        if state.apply(ev, when):
            changed += 1
            if dirty is not None:
                dirty.add(ev.lead)
    return changed


def _absorb(
    db: Database, timed: Iterable[tuple[EventRecord, float]], states: dict[str, LeadState]
) -> tuple[int, set[str]]:
    """Absorb into stored states, loading them a batch at a time. (changes, leads changed)"""
    dirty: set[str] = set()
    asked: set[str] = set()
    changed = 0
    for batch in _batches(timed, BATCH):
        new = {ev.lead for ev, _ in batch} - asked
        asked |= new
        states.update(states_of(db, new))
        changed += _fold(batch, states, dirty)
    return changed, dirty


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_chunks(leads: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """(lead ids, their "?,?,…") in chunks small enough to bind in one query."""
    ids = list(leads)
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        yield part, ",".join("?" * len(part))


def states_of(db: Database, leads: Iterable[str]) -> dict[str, LeadState]:
    """The stored states of these leads (those that have one)."""
    out: dict[str, LeadState] = {}
    for part, marks in _in_chunks(leads):
        for lead, state in db.execute(
            f"select lead, state from lead_facts where lead in ({marks})", part
        ):
            out[lead] = LeadState.from_json(_loads(state))
    return out


def _row(lead: str, state: LeadState) -> tuple[Any, ...]:
    """The row of one lead: see _COLUMNS."""
    text = _dumps(state.to_json()).decode()
    if state.first is None:
        return (lead, text, None, None, 0, None, 0, 0, 0, 0, None)
    calls = state.calls
    reached, appointment = state.outcomes()
    return (
        lead,
        text,
        to_utc_text_exact(state.received_at()),
        state.owner,
        int(state.followup(reached)),
        calls[0][2] if calls else None,
        len(calls),
        int(reached),
        int(appointment),
        int(state.sold),
        state.routing,
    )


def _write_states(db: Database, states: dict[str, LeadState], leads: Iterable[str]) -> None:
    """Upsert these leads' rows, in lead order (ids start with the date, so the pages fill
    in order), made as they are written (a year's rows at once would be ~25 MB more)."""
    chosen = sorted(leads)
    _write(db, (_row(lead, states[lead]) for lead in chosen), len(chosen))


def _write(db: Database, rows: Iterable[tuple[Any, ...]], count: int) -> None:
    bulk = count > BULK_ROWS
    if bulk:  # a first read: keep the pages in memory until the commit writes them once
        db.conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        db.conn.executemany(_UPSERT, rows)
    finally:
        if bulk:
            db.conn.execute(f"PRAGMA cache_size = {DEFAULT_CACHE}")


def refresh_facts(db: Database, *, chunk: int = 2000) -> int:
    """Recompute the derived columns from the stored states if the fold changed since they
    were written. Returns how many rows were rewritten (0 on an ordinary call: one query).
    """
    row = db.execute("select value from facts_meta where key = ?", [_META_FOLD]).fetchone()
    if row and row[0] == FOLD_VERSION:
        return 0
    rows = db.execute("select lead, state from lead_facts").fetchall()
    for i in range(0, len(rows), chunk):
        with _writing(db):
            part = rows[i : i + chunk]
            _write(db, (_row(lead, LeadState.from_json(_loads(st))) for lead, st in part), chunk)
    with _writing(db):
        db.execute(
            "insert or replace into facts_meta (key, value) values (?, ?)",
            [_META_FOLD, FOLD_VERSION],
        )
    return len(rows)


# -- reading ------------------------------------------------------------------------------


def to_facts(row: dict[str, Any], hours: OpeningHours) -> LeadFacts:
    """The LeadFacts of a claimed lead's row (what fold_events gives for its events)."""
    received = datetime.fromisoformat(row["received_at"])
    return _state(row).facts_at(row["lead"], received, hours.sla_start(received))


def _state(row: dict[str, Any]) -> LeadState:
    return LeadState.from_json(_loads(row["state"]))


def load_facts(
    db: Database, since: datetime, until: datetime, hours: OpeningHours
) -> list[LeadFacts]:
    """The leads received in [since, until), oldest first (an indexed range read; the
    stored times have full precision, so the range is exact)."""
    fromiso, from_json, loads = datetime.fromisoformat, LeadState.from_json, _loads
    sla_start = hours.sla_start
    facts = []
    for lead, state, rec in db.execute(
        "select lead, state, received_at from lead_facts"
        " where received_at >= ? and received_at < ? order by received_at, lead",
        [to_utc_text_exact(since), to_utc_text_exact(until)],
    ):
        received = fromiso(rec)
        facts.append(from_json(loads(state)).facts_at(lead, received, sla_start(received)))
    return facts


def load_kpi_leads(
    db: Database, since: datetime, until: datetime, hours: OpeningHours
) -> list[KpiLead]:
    """load_facts, with only what the KPIs read (no state to decode): `leadpop report`."""
    fromiso, sla_start, first_s = datetime.fromisoformat, hours.sla_start, first_call_s
    out = []
    for lead, owner, rec, first, attempts, reached, appointment, sold in db.execute(
        "select lead, owner, received_at, first_call_at, attempts, reached, appointment, sold"
        " from lead_facts where received_at >= ? and received_at < ?",  # any order will do
        [to_utc_text_exact(since), to_utc_text_exact(until)],
    ):
        received = fromiso(rec)
        out.append(
            KpiLead(
                lead,
                owner,
                received,
                first_s(fromiso(first), sla_start(received)) if first else None,
                attempts,
                bool(reached),
                bool(appointment),
                bool(sold),
            )
        )
    return out


def load_routed_kpi_leads(
    db: Database, since: datetime, until: datetime, hours: OpeningHours
) -> list[tuple[str | None, KpiLead]]:
    """(routing mode, KpiLead) of the leads received in [since, until): `leadpop report
    --by routing`. The mode is None where it wasn't recorded. A query of its own, so the
    plain report reads nothing more."""
    fromiso, sla_start, first_s = datetime.fromisoformat, hours.sla_start, first_call_s
    out = []
    for lead, owner, rec, first, attempts, reached, appointment, sold, routing in db.execute(
        "select lead, owner, received_at, first_call_at, attempts, reached, appointment, sold,"
        " routing from lead_facts where received_at >= ? and received_at < ?",
        [to_utc_text_exact(since), to_utc_text_exact(until)],
    ):
        received = fromiso(rec)
        first_call = first_s(fromiso(first), sla_start(received)) if first else None
        out.append(
            (
                routing,
                KpiLead(
                    lead,
                    owner,
                    received,
                    first_call,
                    attempts,
                    bool(reached),
                    bool(appointment),
                    bool(sold),
                ),
            )
        )
    return out


def routing_of(db: Database, since: datetime, until: datetime) -> dict[str, str | None]:
    """Each lead received in [since, until) and its routing mode (None: not recorded)."""
    return dict(
        db.execute(
            "select lead, routing from lead_facts where received_at >= ? and received_at < ?",
            [to_utc_text_exact(since), to_utc_text_exact(until)],
        )
    )


def fact_rows(db: Database, leads: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Claimed leads' rows, with what the state knows: name, source, doc, released."""
    out: dict[str, dict[str, Any]] = {}
    for part, marks in _in_chunks(leads):
        for r in db.query(
            f"select * from lead_facts where received_at is not null and lead in ({marks})",
            part,
        ):
            out[r["lead"]] = _view(r)
    return out


def _view(row: dict[str, Any]) -> dict[str, Any]:
    state = _state(row)
    assert state.first is not None
    return {
        **row,
        "name": str(state.first[4] or ""),
        "source": str(state.first[5] or ""),
        "doc": state.document,
        "released": int(state.released),
    }


def followups(db: Database, received_since: datetime) -> Iterator[dict[str, Any]]:
    """Leads still being followed up (owned, open, unreached, < 3 calls), oldest first."""
    return db.query(
        "select * from lead_facts where followup = 1 and received_at >= ?"
        " order by received_at, lead",
        [to_utc_text_exact(received_since)],
    )


def owners(db: Database, received_since: datetime) -> list[str]:
    """Everyone who owned a lead received since then: the people a lead can go to."""
    return [
        r[0]
        for r in db.execute(
            "select distinct owner from lead_facts where received_at >= ? order by owner",
            [to_utc_text_exact(received_since)],
        )
    ]


def dismissals(db: Database, leads: Iterable[str]) -> dict[str, int]:
    """How many different salespeople said "not me" to each lead."""
    out: dict[str, int] = {}
    for lead, state in states_of(db, leads).items():
        if state.dismissed:
            out[lead] = len(state.dismissed)
    return out


def notified(db: Database, leads: Iterable[str]) -> set[str]:
    return {
        r[0]
        for part, marks in _in_chunks(leads)
        for r in db.execute(f"select lead from team_notified where lead in ({marks})", part)
    }


def mark_notified(db: Database, leads: Iterable[str], now: datetime) -> None:
    with db.atomic():
        db["team_notified"].insert_all(
            ({"lead": lead, "notified_at": to_utc_text_exact(now)} for lead in leads), ignore=True
        )
