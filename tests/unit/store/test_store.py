"""The local store on real SQLite files: migrations, damage, dedup, outbox."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.core.fold import fold_events
from app.core.hours import OpeningHours
from app.core.lead import Lead, Phone
from app.store import Store, StoreError, sqlite, team_queries
from app.store.schema import MIGRATIONS, registry

NOW = datetime(2026, 11, 25, 9, 2, tzinfo=UTC)


def lead(
    lead_id: str = "L1",
    phone: str | None = "+31612345678",
    email: str | None = None,
    at: datetime = NOW,
) -> Lead:
    return Lead(
        id=lead_id,
        received_at=at,
        name="Jan Jansen",
        email=email,
        phone=Phone(
            raw="06 12345678",
            e164=phone,
            display="06 12345678",
            valid=True,
            kind="mobile",
            region="NL",
        )
        if phone
        else None,
    )


def test_migrates_from_empty(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    names = [m.name for m in registry().applied(Database(s.db.conn))]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert "alerted_at" in Database(s.db.conn)["leads"].columns_dict
    assert s.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert s.db.execute("pragma busy_timeout").fetchone()[0] == 5000
    s.close()


def test_migrates_from_previous_version_keeping_data(tmp_path: Path) -> None:
    db = Database(tmp_path / "leadpop.db")
    registry().apply(db, stop_before="m002_alerted_at")
    assert "alerted_at" not in db["leads"].columns_dict
    old = Store(db)
    old.insert_lead(lead(), doc_name="a.json", sla_start=NOW, now=NOW)
    db.close()

    s = Store.open(tmp_path)
    assert "alerted_at" in Database(s.db.conn)["leads"].columns_dict
    row = s.lead("L1")
    assert row is not None and row["name"] == "Jan Jansen" and row["alerted_at"] is None
    s.close()


def test_a_new_store_gets_the_schema_the_migrations_build(tmp_path: Path) -> None:
    """app/store/fresh_schema.py is up to date (else: python -m tools.dump_schema)."""
    Store.open(tmp_path / "new").close()
    replayed = Database(tmp_path / "replayed.db")
    registry().apply(replayed)

    def schema(db: Database) -> list[tuple[str, str, str]]:
        return sorted(db.execute("select type, name, sql from sqlite_master").fetchall())

    def applied(db: Database) -> list[str]:
        return [m.name for m in registry().applied(db)]

    fresh = Database(tmp_path / "new" / "leadpop.db")
    assert schema(fresh) == schema(replayed)
    assert applied(fresh) == applied(replayed) == [m.__name__ for m in MIGRATIONS]
    assert registry().pending(fresh) == []


def test_events_read_before_m004_become_lead_states(tmp_path: Path) -> None:
    """A store that kept every event: they are folded, nothing is read from the share again."""
    db = Database(tmp_path / "leadpop.db")
    registry().apply(db, stop_before="m004_lead_states")

    def event(n: int, type_: str, **extra: object) -> dict[str, object]:
        ts = (NOW + timedelta(minutes=n)).isoformat()
        return {
            "v": 1,
            "id": f"e{n}",
            "ts": ts,
            "type": type_,
            "lead": "L1",
            "user": "anna",
            "host": "pc1",
            **extra,
        }

    old = [
        event(0, "claimed", received_at=NOW.isoformat(), name="Jan", source="website"),
        event(1, "call", attempt=1, outcome="voicemail"),
        event(2, "dismissed"),
    ]
    db["events"].insert_all(
        {"id": e["id"], "ts": e["ts"], "type": e["type"], "lead": "L1", "body": json.dumps(e)}
        for e in [*old, {"id": "x", "ts": "?", "type": "call", "broken": True}]
    )
    db.close()

    s = Store.open(tmp_path)
    assert "events" not in s.db.table_names()
    hours = OpeningHours.parse("always")
    assert team_queries.refresh_facts(s.db) == 1  # the derived columns are filled in
    [facts] = team_queries.load_facts(s.db, NOW - timedelta(days=1), NOW + timedelta(days=1), hours)
    assert facts == fold_events(old, hours)["L1"]
    assert facts.owner == "anna" and len(facts.calls) == 1
    assert team_queries.dismissals(s.db, ["L1"]) == {"L1": 1}
    s.close()


def test_the_integrity_check_runs_once_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str] = []
    real = sqlite.Database.execute

    def spy(self: sqlite.Database, sql: str, *args: object) -> sqlite3.Cursor:
        if "quick_check" in sql:
            checks.append(sql)
        return real(self, sql, *args)

    monkeypatch.setattr(sqlite.Database, "execute", spy)
    Store.open(tmp_path).close()
    assert len(checks) == 1
    s = Store.open(tmp_path)
    assert len(checks) == 1
    s.db.execute(
        "update settings set value = ? where key = 'store_checked_at'",
        [repr(time.time() - 25 * 3600)],
    )
    s.db.conn.commit()
    s.close()
    Store.open(tmp_path).close()
    assert len(checks) == 2


def test_newer_database_is_refused_not_touched(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    s.db["_sqlite_migrations"].insert(
        {"migration_set": "leadpop", "name": "m999_from_the_future", "applied_at": "x"}
    )
    s.close()
    with pytest.raises(StoreError, match="newer Leadpop"):
        Store.open(tmp_path)
    # Still there, unmodified: a downgrade must not eat the data.
    db = Database(tmp_path / "leadpop.db")
    assert any(r["name"] == "m999_from_the_future" for r in db["_sqlite_migrations"].rows)
    db.close()


def test_corrupt_file_is_moved_aside_with_a_message(tmp_path: Path) -> None:
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 4000
    (tmp_path / "leadpop.db").write_bytes(damaged)
    s = Store.open(tmp_path)
    assert s.messages and "damaged" in s.messages[0]
    kept = list(tmp_path.glob("leadpop.db.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    s.set_setting("user", "anna")  # the fresh store works
    s.close()


def test_outbox_keeps_order_until_published(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    for i in range(3):
        s.enqueue({"id": f"e{i}", "type": "call"}, NOW)
    assert [e["id"] for e in s.outbox()] == ["e0", "e1", "e2"]
    s.published("e0")
    s.close()
    s = Store.open(tmp_path)  # survives a restart
    assert [e["id"] for e in s.outbox()] == ["e1", "e2"]
    s.close()


def test_attempt_numbers_and_foreign_keys(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    s.insert_lead(lead(), doc_name="a.json", sla_start=NOW, now=NOW)
    assert s.add_attempt("L1", ts=NOW, outcome="voicemail", note=None, user="anna") == 1
    assert s.add_attempt("L1", ts=NOW, outcome="busy", note="in gesprek", user="anna") == 2
    with pytest.raises(sqlite3.IntegrityError):
        s.add_attempt("nope", ts=NOW, outcome="busy", note=None, user="anna")
    assert [a["number"] for a in s.attempts("L1")] == [1, 2]
    s.close()


def test_same_customer_within_24h(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    s.insert_lead(lead(email="Jan@Example.nl"), doc_name="a.json", sla_start=NOW, now=NOW)
    later = NOW + timedelta(hours=3)
    assert s.find_same_customer("+31612345678", None, later, timedelta(hours=24))["id"] == "L1"
    assert s.find_same_customer(None, "jan@example.nl", later, timedelta(hours=24))["id"] == "L1"
    assert (
        s.find_same_customer("+31612345678", None, NOW + timedelta(days=2), timedelta(hours=24))
        is None
    )
    assert s.find_same_customer(None, None, later, timedelta(hours=24)) is None
    s.close()


def test_a_zero_byte_store_is_replaced_with_a_word_and_marked_for_a_rebuild(
    tmp_path: Path,
) -> None:
    """A 0-byte leadpop.db (a crash or a full disk while it was written) used to be taken
    for a new install: a new store, no word, nothing rebuilt."""
    from app.store.db import REBUILD

    (tmp_path / "leadpop.db").write_bytes(b"")
    s = Store.open(tmp_path)
    try:
        assert len(s.messages) == 1 and "empty (0 bytes)" in s.messages[0]
        assert s.setting(REBUILD) == "1"
        assert len(list(tmp_path.glob("leadpop.db.corrupt-*"))) == 1
    finally:
        s.close()
    s = Store.open(tmp_path)  # an ordinary start after it: nothing to say
    try:
        assert s.messages == []
    finally:
        s.close()


def test_a_new_store_needs_no_rebuild(tmp_path: Path) -> None:
    from app.store.db import REBUILD

    s = Store.open(tmp_path)
    try:
        assert s.messages == [] and s.setting(REBUILD) is None
    finally:
        s.close()


def test_m006_keeps_each_leads_routing_mode_for_the_split_kpis(tmp_path: Path) -> None:
    """A store from before: its leads' derived columns are refilled (FOLD_VERSION 4); a
    state stored without the mode is 'not recorded' (null), a new claim's mode is kept."""
    db = Database(tmp_path / "leadpop.db")
    registry().apply(db, stop_before="m006_routing")
    old_state = [[NOW.timestamp(), "c1", NOW.isoformat(), NOW.isoformat(), "Jan", "web"]]
    old_state += [["anna"], [], None, [], 0, None, []]  # as LeadState.to_json wrote it
    db["lead_facts"].insert({"lead": "OLD", "state": json.dumps(old_state), "followup": 0})
    db["facts_meta"].insert({"key": "fold", "value": "3"})
    db.close()

    s = Store.open(tmp_path)
    assert team_queries.refresh_facts(s.db) == 1
    claim = {
        "v": 1,
        "id": "c2",
        "ts": NOW.isoformat(),
        "type": "claimed",
        "lead": "NEW",
        "user": "anna",
        "host": "pc1",
        "received_at": NOW.isoformat(),
        "routing": "rollout",
    }
    assert team_queries.add_events(s.db, [claim]) == 1
    day = (NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert team_queries.routing_of(s.db, *day) == {"OLD": None, "NEW": "rollout"}
    hours = OpeningHours.parse("always")
    routed = team_queries.load_routed_kpi_leads(s.db, *day, hours)
    assert sorted((m or "", k.lead, k.owner) for m, k in routed) == [
        ("", "OLD", "anna"),
        ("rollout", "NEW", "anna"),
    ]
    s.close()
