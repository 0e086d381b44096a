"""The per-lead facts table: the KPI fold (app.core.kpi), stored indexed and kept up to date.

A year of a large group is ~250,000 events. Re-folding them for every report or Team-tab
refresh would freeze the tab, so each lead is folded once into `lead_facts` and re-folded
only when one of its events arrives. The fold itself stays `fold_events`: the KPIs come
from `kpis`/`team_report` on LeadFacts built from these rows, the same code as before.

"Arrived" is tracked by the events table's rowid: events are only ever inserted, and
SQLite serialises writers, so everything committed after the last refresh has a higher
rowid than the mark, whichever connection (worker, team worker, CLI) inserted it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from app.core.hours import OpeningHours
from app.core.kpi import LeadFacts, fold_events, in_period

# Bump when fold_events or the row layout changes: the table is then rebuilt from the events.
FOLD_VERSION = "1"
CHUNK = 2000  # leads per transaction: a first build must not lock out the other worker
_META_MARK, _META_HOURS, _META_FOLD = "events_rowid", "hours", "fold"


def utc_text(when: datetime) -> str:
    """Full-precision UTC ISO text; its string order is time order (see module docs)."""
    return when.astimezone(UTC).isoformat()


def hours_key(hours: OpeningHours) -> str:
    return f"{hours.spec}|{hours.tz.key}"


# -- keeping the table up to date ---------------------------------------------------------


def refresh_facts(db: Database, hours: OpeningHours, *, chunk: int = CHUNK) -> int:
    """Fold the leads that got events since the last refresh. Returns how many were folded.

    Costs one indexed query when nothing arrived. Opening hours that changed only move
    the SLA starts; a new fold version rebuilds the table.
    """
    meta = _meta(db)
    mark = int(meta.get(_META_MARK) or 0)
    if meta.get(_META_FOLD) != FOLD_VERSION:
        with db.atomic():
            db.execute("delete from lead_facts")
        mark = 0
    elif mark and meta.get(_META_HOURS) != hours_key(hours):
        _move_sla_starts(db, hours, chunk)
    top = db.execute("select coalesce(max(rowid), 0) from events").fetchone()[0]
    leads: list[str] = []
    if top > mark:
        leads = [
            r[0]
            for r in db.execute(
                "select distinct lead from events where rowid > ? and rowid <= ?", [mark, top]
            )
        ]
        for i in range(0, len(leads), chunk):
            part = leads[i : i + chunk]
            with db.atomic():
                _refold(db, part, _events_of(db, part), hours)
    with db.atomic():
        db["facts_meta"].upsert_all(
            [
                {"key": _META_MARK, "value": str(top)},
                {"key": _META_HOURS, "value": hours_key(hours)},
                {"key": _META_FOLD, "value": FOLD_VERSION},
            ],
            pk="key",
        )
    return len(leads)


def _meta(db: Database) -> dict[str, str]:
    return {r["key"]: r["value"] for r in db.query("select key, value from facts_meta")}


def _events_of(db: Database, leads: Sequence[str]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(leads))
    return [
        json.loads(r[0])
        for r in db.execute(f"select body from events where lead in ({marks})", list(leads))
    ]


def _refold(
    db: Database, leads: Sequence[str], events: list[dict[str, Any]], hours: OpeningHours
) -> None:
    facts = fold_events(events, hours)  # unknown types are ignored there, as for the CLI
    handovers: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        if ev["type"] in ("claimed", "released"):
            handovers.setdefault(ev["lead"], []).append(ev)
    gone = [lead for lead in leads if lead not in facts]  # never claimed: no row
    if gone:
        marks = ",".join("?" * len(gone))
        db.execute(f"delete from lead_facts where lead in ({marks})", gone)
    rows = [_row(f, handovers.get(f.lead, [])) for f in facts.values()]
    if rows:
        columns = list(rows[0])
        # Plain executemany: sqlite-utils' upsert_all costs seconds per 50,000 rows.
        db.conn.executemany(
            f"insert or replace into lead_facts ({', '.join(columns)})"
            f" values ({', '.join('?' * len(columns))})",
            [tuple(r[c] for c in columns) for r in rows],
        )


def _row(f: LeadFacts, handovers: list[dict[str, Any]]) -> dict[str, Any]:
    # Times have whole seconds, and a reassignment logs `released` and `claimed` in the same
    # second: within a second, the claim comes last.
    handovers.sort(
        key=lambda e: (datetime.fromisoformat(e["ts"]), e["type"] == "claimed", e["id"])
    )
    released = bool(handovers) and handovers[-1]["type"] == "released"
    docs = [e["doc"] for e in handovers if e["type"] == "claimed" and isinstance(e.get("doc"), str)]
    reached = f.reached
    return {
        "lead": f.lead,
        "received_at": utc_text(f.received_at),
        "sla_start": utc_text(f.sla_start),
        "owner": f.owner,
        "name": f.name,
        "source": f.source,
        "doc": docs[-1] if docs else None,
        "claimed_at": utc_text(f.claimed_at) if f.claimed_at else None,
        "calls": json.dumps(
            [[ts.isoformat(), attempt, outcome, user] for ts, attempt, outcome, user in f.calls],
            ensure_ascii=False,
        ),
        "attempts": len(f.calls),
        "reached": int(reached),
        "appointment": int(f.appointment),
        "sold": int(f.sold),
        "lost": int(f.lost),
        "lost_reason": f.lost_reason,
        "released": int(released),
        "followup": int(
            not released and not f.sold and not f.lost and not reached and len(f.calls) < 3
        ),
    }


def _move_sla_starts(db: Database, hours: OpeningHours, chunk: int) -> None:
    """New opening hours: recompute each lead's SLA start (nothing else depends on them)."""
    rows = [(r[0], r[1]) for r in db.execute("select lead, received_at from lead_facts")]
    for i in range(0, len(rows), chunk):
        with db.atomic():
            db.conn.executemany(
                "update lead_facts set sla_start = ? where lead = ?",
                [
                    (utc_text(hours.sla_start(datetime.fromisoformat(rec))), lead)
                    for lead, rec in rows[i : i + chunk]
                ],
            )


# -- reading ------------------------------------------------------------------------------


def to_facts(row: dict[str, Any]) -> LeadFacts:
    """A LeadFacts equal to what fold_events gives for the lead's events."""
    return LeadFacts(
        lead=row["lead"],
        received_at=datetime.fromisoformat(row["received_at"]),
        sla_start=datetime.fromisoformat(row["sla_start"]),
        owner=row["owner"],
        name=row["name"] or "",
        source=row["source"] or "",
        claimed_at=datetime.fromisoformat(row["claimed_at"]) if row["claimed_at"] else None,
        calls=[
            (datetime.fromisoformat(ts), attempt, outcome, user)
            for ts, attempt, outcome, user in json.loads(row["calls"] or "[]")
        ],
        sold=bool(row["sold"]),
        lost=bool(row["lost"]),
        lost_reason=row["lost_reason"],
    )


def load_facts(db: Database, since: datetime, until: datetime) -> list[LeadFacts]:
    """The leads received in [since, until), oldest first (an indexed range read)."""
    rows = db.query(
        "select * from lead_facts where received_at >= ? and received_at < ?"
        " order by received_at, lead",
        [utc_text(since), utc_text(until)],
    )
    return in_period((to_facts(r) for r in rows), since, until)


def fact_rows(db: Database, leads: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = list(leads)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        marks = ",".join("?" * len(part))
        for r in db.query(f"select * from lead_facts where lead in ({marks})", part):
            out[r["lead"]] = r
    return out


def followups(db: Database, received_since: datetime) -> Iterator[dict[str, Any]]:
    """Leads still being followed up (owned, open, unreached, < 3 calls), oldest first."""
    return db.query(
        "select * from lead_facts where followup = 1 and received_at >= ?"
        " order by received_at, lead",
        [utc_text(received_since)],
    )


def owners(db: Database, received_since: datetime) -> list[str]:
    """Everyone who owned a lead received since then: the people a lead can go to."""
    return [
        r[0]
        for r in db.execute(
            "select distinct owner from lead_facts where received_at >= ? order by owner",
            [utc_text(received_since)],
        )
    ]


def dismissals(db: Database, leads: Iterable[str]) -> dict[str, int]:
    """How many different salespeople said "not me" to each lead."""
    ids = list(leads)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r[0]: r[1]
        for r in db.execute(
            "select lead, count(distinct user) from events"
            f" where type = 'dismissed' and lead in ({marks}) group by lead",
            ids,
        )
    }


def notified(db: Database, leads: Iterable[str]) -> set[str]:
    ids = list(leads)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {
        r[0] for r in db.execute(f"select lead from team_notified where lead in ({marks})", ids)
    }


def mark_notified(db: Database, leads: Iterable[str], now: datetime) -> None:
    with db.atomic():
        db["team_notified"].insert_all(
            ({"lead": lead, "notified_at": utc_text(now)} for lead in leads), ignore=True
        )
