"""Personal data in the local store: find a customer's leads, export them, erase them.

Erasure (the AVG's right to be forgotten, and retention) keeps every fact the team's
figures are made of (the lead, its times, who claimed and called it, the outcomes, sold
or lost) and removes what identifies the customer: name, phone, e-mail, the document and
its name, the message, call notes, a lost reason in the salesperson's own words. The
bytes go too: `secure_delete` zeroes what is deleted, VACUUM rewrites the file so no
earlier version of a row is left in a page's free space, and the write-ahead log is
checkpointed and truncated.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from app.core.events import scrubbed
from app.core.fold import LeadState
from app.core.timefmt import to_utc_text, to_utc_text_exact
from app.store import team_queries
from app.store.sqlite import Database

log = logging.getLogger(__name__)

# An erased lead's doc_name: never a document's name (a name has no "/"), so it can't
# match one in new/, and it says what happened.
ERASED_DOC = "forgotten/"
_dumps = msgspec.json.Encoder().encode
_loads = msgspec.json.Decoder().decode
_CHUNK = 500


@dataclass(frozen=True)
class StoreErasure:
    leads: int  # lead rows whose personal fields were removed
    states: int  # the team's folded states whose name and document name were removed
    notes: int  # call notes removed
    queued: int  # unsent events (outbox) scrubbed
    clean: bool  # the write-ahead log was emptied (False: another connection held it)


def _chunks(ids: Iterable[str]) -> Iterable[tuple[list[str], str]]:
    items = list(ids)
    for i in range(0, len(items), _CHUNK):
        part = items[i : i + _CHUNK]
        yield part, ",".join("?" * len(part))


def leads_of(db: Database, e164s: Collection[str], email: str | None) -> list[str]:
    """The stored leads with one of these phone numbers (E.164) or this e-mail address."""
    found: set[str] = set()
    for part, marks in _chunks(e164s):
        found.update(
            r[0] for r in db.execute(f"select id from leads where phone_e164 in ({marks})", part)
        )
    if email:
        found.update(
            r[0]
            for r in db.execute(
                "select id from leads where email is not null and lower(email) = lower(?)",
                [email.strip()],
            )
        )
    return sorted(found)


def lead_rows(db: Database, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The stored leads, each with its calls (`attempts`): what an export shows."""
    out: list[dict[str, Any]] = []
    for part, marks in _chunks(ids):
        for row in db.query(f"select * from leads where id in ({marks}) order by id", part):
            row["attempts"] = list(
                db.query(
                    "select number, ts, outcome, note, user from attempts"
                    " where lead_id = ? order by number",
                    [row["id"]],
                )
            )
            out.append(row)
    return out


def team_states(db: Database, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """What the team's folded state says of these leads: the claim's name and document."""
    out = {}
    for lead, state in team_queries.states_of(db, ids).items():
        first = state.first
        out[lead] = {
            "name": first[4] if first else None,
            "source": first[5] if first else None,
            "document": state.document,
            "lost_reason": state.lost[2] if state.lost else None,
        }
    return out


def documents_of(db: Database, ids: Iterable[str]) -> set[str]:
    """The inbox document names of these leads: their own and their duplicates'."""
    names: set[str] = set()
    for row in lead_rows(db, ids):
        if row["doc_name"] and not row["doc_name"].startswith(ERASED_DOC):
            names.add(row["doc_name"])
        for dup in json.loads(row["duplicates"] or "[]"):
            if isinstance(dup, dict) and isinstance(dup.get("doc_name"), str):
                names.add(dup["doc_name"])
    names.update(s["document"] for s in team_states(db, ids).values() if s["document"])
    return names


def personal_text(db: Database, ids: Iterable[str]) -> set[str]:
    """The strings that identify these leads' customer (name, phone in its notations,
    e-mail, document names): what a log file must no longer hold."""
    ids = list(ids)
    found: set[str] = set()
    for row in lead_rows(db, ids):
        for key in ("name", "phone_raw", "phone_e164", "phone_display", "email", "doc_name"):
            if row.get(key):
                found.add(str(row[key]))
    for state in team_states(db, ids).values():
        found.update(str(state[k]) for k in ("name", "document") if state[k])
    found.update(documents_of(db, ids))
    return {s for s in found if len(s.strip()) >= 3 and not s.startswith(ERASED_DOC)}


def _scrub_state(state: LeadState) -> bool:
    changed = False
    if state.first is not None and state.first[4] is not None:
        state.first[4] = None
        changed = True
    if state.doc is not None:
        state.doc = None
        changed = True
    lost = state.lost
    if lost is not None and isinstance(lost[2], str) and lost[2].startswith("other:"):
        lost[2] = "other"
        changed = True
    return changed


def erase(db: Database, ids: Collection[str]) -> StoreErasure:
    """Remove these leads' personal data, keeping their facts (see the module's doc)."""
    leads = states = notes = queued = 0
    (was,) = db.execute("PRAGMA secure_delete").fetchone()
    db.execute("PRAGMA secure_delete = ON")
    try:
        with db.atomic(immediate=True):
            for part, marks in _chunks(ids):
                for row in list(db.query(f"select * from leads where id in ({marks})", part)):
                    extra = json.loads(row["extra"] or "{}")
                    kept = (
                        {"kind": extra["kind"]}
                        if isinstance(extra, dict) and "kind" in extra
                        else {}
                    )
                    reason = row["lost_reason"]
                    db.execute(
                        "update leads set doc_name = ?, name = null, phone_raw = null,"
                        " phone_e164 = null, phone_display = null, email = null, message = null,"
                        " original = null, extra = ?, duplicates = '[]', lost_reason = ?,"
                        # Nobody can call them any more: an open lead is no longer followed.
                        " state = case state when 'open' then 'gone' else state end"
                        " where id = ?",
                        [
                            ERASED_DOC + row["id"],
                            json.dumps(kept),
                            "other" if reason and reason.startswith("other:") else reason,
                            row["id"],
                        ],
                    )
                    leads += 1
                db.execute(f"delete from reminders where lead_id in ({marks})", part)
                notes += db.execute(
                    f"update attempts set note = null where note is not null"
                    f" and lead_id in ({marks})",
                    part,
                ).rowcount
                for lead, state in team_queries.states_of(db, part).items():
                    if _scrub_state(state):
                        db.execute(
                            "update lead_facts set state = ? where lead = ?",
                            [_dumps(state.to_json()).decode(), lead],
                        )
                        states += 1
            wanted = set(ids)
            for seq, body in db.execute("select seq, body from outbox").fetchall():
                event = json.loads(body)
                if event.get("lead") in wanted and scrubbed(event) != event:
                    db.execute(
                        "update outbox set body = ? where seq = ?",
                        [json.dumps(scrubbed(event), ensure_ascii=False), seq],
                    )
                    queued += 1
        clean = wipe(db) if leads or states or notes or queued else True
    finally:
        db.execute(f"PRAGMA secure_delete = {int(was)}")
    return StoreErasure(leads, states, notes, queued, clean)


def wipe(db: Database) -> bool:
    """Leave no earlier copy of a row in the file or its write-ahead log: VACUUM rewrites
    every page (an update made before secure_delete was on may have left the old row in
    a page's free space), then the WAL is checkpointed and truncated. False when another
    connection's reader kept the WAL from being emptied (it is, at the next erasure)."""
    try:
        db.execute("VACUUM")
    except sqlite3.OperationalError as exc:  # another connection held it past busy_timeout
        log.warning("the store could not be compacted yet (%s); again at the next erasure", exc)
        return False
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        log.warning("the store's write-ahead log could not be emptied yet (in use)")
    return not busy


def expired(db: Database, cutoff: datetime) -> list[str]:
    """Leads whose last activity is before `cutoff` and that still hold personal data.

    The last activity is the latest of this PC's own change to the stored lead and the
    team's events on it (claims, calls, hand-overs, lost): a colleague's call keeps a
    lead this PC last touched long ago."""
    limit = cutoff.timestamp()
    last: dict[str, float] = {}
    personal: set[str] = set()
    for lead, updated, doc in db.execute(
        "select id, coalesce(updated_at, received_at), doc_name from leads where"
        " coalesce(updated_at, received_at) < ?",
        [to_utc_text(cutoff)],
    ).fetchall():
        last[lead] = datetime.fromisoformat(updated).timestamp()
        if not doc.startswith(ERASED_DOC):
            personal.add(lead)
    for lead, text in db.execute(
        "select lead, state from lead_facts where received_at < ?", [to_utc_text_exact(cutoff)]
    ).fetchall():
        state = LeadState.from_json(_loads(text))
        if state.doc or (state.first and state.first[4] is not None):
            personal.add(lead)
        times = [c[0] for c in state.calls]
        times += [p[0] for p in (state.first, state.last, state.handover, state.lost) if p]
        last[lead] = max([last.get(lead, 0.0), *times])
    found = [lead for lead in sorted(personal) if last.get(lead, limit) < limit]
    if not found:
        return []
    # A lead this PC changed since the cutoff is not expired, whatever the team did.
    recent = set()
    for part, marks in _chunks(found):
        recent.update(
            r[0]
            for r in db.execute(
                f"select id from leads where id in ({marks})"
                " and coalesce(updated_at, received_at) >= ?",
                [*part, to_utc_text(cutoff)],
            )
        )
    return [lead for lead in found if lead not in recent]
