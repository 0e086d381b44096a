"""The group inbox beyond the shared contract: branches, the schema, passwords, exactly-once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import psycopg
import pytest

from app.inbox.base import InboxConfigError, PasswordNeeded, PasswordRejected
from app.inbox.open import open_inbox
from app.inbox.postgres import schema
from app.inbox.postgres.inbox import PostgresInbox
from tests.imap.memory_keyring import MemoryKeyring
from tests.postgres.pg_server import PASSWORD, PostgresServer

OpenPc = Callable[..., PostgresInbox]
T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_a_pc_lists_its_own_branch_and_the_group_wide_documents(open_pc: OpenPc) -> None:
    utrecht, amersfoort = open_pc(branch="utrecht"), open_pc("bram", "pc-b", branch="amersfoort")
    group = open_pc("marco", "pc-office")  # no branch: the whole group
    utrecht.put_document(b"{}", name="u.json", received_at=T0)
    amersfoort.put_document(b"{}", name="a.json", received_at=T0)
    group.put_document(b"{}", name="g.json", received_at=T0)
    assert [d.name for d in utrecht.list_new()] == ["g.json", "u.json"]
    assert [d.name for d in amersfoort.list_new()] == ["a.json", "g.json"]
    assert [d.name for d in group.list_new()] == ["a.json", "g.json", "u.json"]


def test_open_inbox_picks_the_group_database(pg_url: str) -> None:
    inbox = open_inbox(f"{pg_url}?branch=utrecht", "anna", "pc-anna", watch=False)
    try:
        assert isinstance(inbox, PostgresInbox)
        assert inbox.location.endswith("?branch=utrecht") and inbox.branch == "utrecht"
    finally:
        inbox.close()


def test_a_document_with_the_same_key_lands_once(open_pc: OpenPc) -> None:
    """Two bridges moving the same e-mail: the second put adds nothing."""
    one, two = open_pc("bridge", "srv-1"), open_pc("bridge", "srv-2")
    assert one.put_document(b"mail", name="x1.eml", key="<abc@portal.nl>") == "x1.eml"
    assert two.put_document(b"mail", name="x2.eml", key="<abc@portal.nl>") is None
    assert [d.name for d in one.list_new()] == ["x1.eml"]
    assert one.has_document("<abc@portal.nl>") and not one.has_document("<other@portal.nl>")


def test_a_claim_race_between_ten_pcs_has_exactly_one_winner(open_pc: OpenPc) -> None:
    """Ten connections send the same conditional UPDATE at the same moment, round after round."""
    users = [f"verkoper{i}" for i in range(10)]
    pcs = [open_pc(u, f"pc-{u}") for u in users]
    for pc in pcs:
        pc.check()  # each PC's pool has its connection before the race starts
    rounds = 15
    barrier = threading.Barrier(len(pcs))
    results: dict[int, dict[str, tuple[bool, str | None]]] = {n: {} for n in range(rounds)}

    def race(pc: PostgresInbox, user: str) -> None:
        for n in range(rounds):
            barrier.wait(timeout=30)
            r = pc.claim(f"race-{n}.json", user)
            results[n][user] = (r.won, r.owner)

    for n in range(rounds):
        pcs[0].put_document(b"{}", name=f"race-{n}.json")
    threads = [
        threading.Thread(target=race, args=(pc, u)) for pc, u in zip(pcs, users, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for n, seen in results.items():
        winners = [u for u, (won, _) in seen.items() if won]
        assert len(winners) == 1, f"round {n}: {seen}"
        assert all(owner == winners[0] for _, owner in seen.values()), f"round {n}: {seen}"
        assert pcs[1].claimed_by(f"race-{n}.json") == winners[0]
    assert pcs[0].list_new() == []


def test_a_database_of_a_newer_leadpop_is_refused_in_one_line(
    open_pc: OpenPc, postgres: PostgresServer, pg_url: str
) -> None:
    running = open_pc()  # makes the tables
    database = pg_url.rsplit("/", 1)[1]
    postgres.sql(
        f"UPDATE leadpop_meta SET value = '{schema.VERSION + 1}' WHERE key = 'schema_version'",
        database,
    )
    with pytest.raises(InboxConfigError, match="newer Leadpop") as info:
        open_pc("bram", "pc-bram")
    assert "\n" not in str(info.value)
    with pytest.raises(InboxConfigError, match="newer Leadpop"):
        running.check()  # a PC that opened it before the upgrade notices at its next check
    assert postgres.sql("SELECT count(*) FROM documents", database) == "0"  # nothing touched


def test_pcs_opening_a_new_database_at_once_make_the_tables_once(pg_url: str) -> None:
    errors: list[BaseException] = []
    opened: list[PostgresInbox] = []
    lock = threading.Lock()

    def start(n: int) -> None:
        try:
            inbox = PostgresInbox(pg_url, f"v{n}", f"pc-{n}", watch=False)
        except BaseException as exc:
            errors.append(exc)
            return
        with lock:
            opened.append(inbox)

    threads = [threading.Thread(target=start, args=(n,)) for n in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    try:
        assert errors == []
        assert len({inbox.group_id for inbox in opened}) == 1
    finally:
        for inbox in opened:
            inbox.close()


def test_no_password_asks_for_one_and_a_wrong_one_is_rejected(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD")
    with pytest.raises(PasswordNeeded, match="enter it once") as info:
        PostgresInbox(pg_url, "anna", "pc-anna", watch=False)
    assert not isinstance(info.value, PasswordRejected)
    with pytest.raises(PasswordRejected) as rejected:
        PostgresInbox(pg_url, "anna", "pc-anna", watch=False, password="wrong")
    assert "wrong" not in str(rejected.value) and "\n" not in str(rejected.value)


def test_the_password_kept_in_the_keyring_opens_it(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    from app.inbox.credentials import store_password

    monkeypatch.delenv("PGPASSWORD")
    keyring.set_keyring(MemoryKeyring())
    assert store_password("leadpop", "127.0.0.1", PASSWORD)
    with PostgresInbox(pg_url, "anna", "pc-anna", watch=False) as inbox:
        inbox.check()


def test_a_retried_append_adds_no_second_event(open_pc: OpenPc) -> None:
    """After a lost connection the outbox sends an event again that may have committed."""
    anna = open_pc()
    event = {
        "v": 1,
        "id": "e1",
        "ts": "2026-11-25T10:00:00+01:00",
        "type": "call",
        "lead": "l1",
        "user": "anna",
        "host": "pc-anna",
        "attempt": 1,
        "outcome": "busy",
    }
    anna.append_event(event)
    anna.append_event(event)
    assert [e["id"] for e in anna.read_events({})[0]] == ["e1"]


def test_a_cursor_of_another_database_reads_from_the_start(
    open_pc: OpenPc, postgres: PostgresServer
) -> None:
    """A database restored or replaced: its events are read again (readers dedup by id)."""
    anna = open_pc()
    anna.append_event(
        {
            "v": 1,
            "id": "e1",
            "ts": "2026-11-25T10:00:00+01:00",
            "type": "sold",
            "lead": "l1",
            "user": "anna",
            "host": "pc-anna",
        }
    )
    _, cursor = anna.read_events({})
    other = {**cursor, "group": "another-group"}
    assert [e["id"] for e in anna.read_events(other)[0]] == ["e1"]
    assert list(anna.read_events(cursor)[0]) == []


def test_a_role_that_may_not_read_the_tables_gets_a_config_error(
    open_pc: OpenPc, postgres: PostgresServer, pg_url: str
) -> None:
    open_pc().close()
    postgres.sql("DROP ROLE IF EXISTS kiosk; CREATE ROLE kiosk LOGIN PASSWORD 'k1'")
    url = pg_url.replace("leadpop@", "kiosk@")
    with pytest.raises(InboxConfigError, match="permission"):
        PostgresInbox(url, "anna", "pc-anna", watch=False, password="k1").list_new()


def test_the_server_side_claim_is_one_statement(open_pc: OpenPc, pg_url: str) -> None:
    """Whoever writes the UPDATE first wins, even a PC that isn't Leadpop (a DBA's fix)."""
    anna = open_pc()
    anna.put_document(b"{}", name="a.json")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(
            "UPDATE documents SET state = 'claimed', owner = 'bram' "
            "WHERE name = 'a.json' AND owner IS NULL"
        )
    assert anna.claim("a.json", "anna").owner == "bram"
