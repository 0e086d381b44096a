"""Failover: the group database crashes mid-flow and comes back; no lead, no event is lost."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.postgres.inbox import PostgresInbox
from app.intake import make_sample_document
from app.settings.config import resolve
from app.store import Store
from tests.postgres.pg_server import PostgresServer

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def make_desk(
    tmp_path: Path, pg_url: str, clock: FakeClock, open_pc: Callable[..., PostgresInbox]
) -> Iterator[Callable[[str], Desk]]:
    """A showroom PC's engine on the group database, with its own SQLite store."""
    desks: list[Desk] = []

    def make(user: str) -> Desk:
        cfg = resolve(
            inbox=pg_url, data_dir=str(tmp_path / user), user=user, hours="always", env={}
        )
        cfg.host = f"pc-{user}"
        desk = Desk(open_pc(user, cfg.host, now=clock.now), Store.open(cfg.data_dir), clock, cfg)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.store.close()


def until_up(desk: Desk, clock: FakeClock) -> None:
    """Poll as the worker does, past the back-off, until the inbox is healthy again."""
    for _ in range(10):
        clock.advance(61)
        if desk.poll().health.ok and desk.store.outbox() == []:
            return
    raise AssertionError(f"still down: {desk.health.error}")


def test_a_crash_mid_flow_loses_no_lead_and_no_event(
    make_desk: Callable[[str], Desk],
    open_pc: Callable[..., PostgresInbox],
    postgres: PostgresServer,
    pg_url: str,
    clock: FakeClock,
) -> None:
    rng = random.Random(7)
    producer = open_pc("bridge", "srv")
    anna, bram = make_desk("anna"), make_desk("bram")

    def land(n: int) -> None:
        producer.put_document(make_sample_document(rng, clock.now()), name=f"lead-{n}.json")

    for n in range(3):
        land(n)
    leads = anna.poll().new_leads
    assert len(leads) == 3 and len(bram.poll().new_leads) == 3
    assert anna.claim(leads[0], calling=True).won
    anna.record_call(leads[0], "no_answer")

    postgres.crash()  # mid-flow: anna goes on working, bram polls, nothing reaches the server
    anna.record_call(leads[0], "reached")
    assert not anna.claim(leads[1]).won  # unreachable: nobody owns it yet
    assert not bram.poll().health.ok
    assert len(anna.store.outbox()) == 1  # the second call waits in anna's outbox

    postgres.start()
    producer.check()  # the bridge's retry
    for n in range(3, 5):
        land(n)
    until_up(anna, clock)
    until_up(bram, clock)
    assert anna.claim(leads[1], calling=True).won

    assert len({row["id"] for row in anna.store.unclaimed()} | {leads[0], leads[1]}) == 5
    assert bram.poll().gone == [(leads[1], "anna")]
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT id, type FROM events ORDER BY seq").fetchall()
    assert len(rows) == len({i for i, _ in rows})  # each event once
    assert sorted(t for _, t in rows) == ["call", "call", "claimed", "claimed"]
    until_up(bram, clock)
    [anna_row] = bram.report(NOW - timedelta(days=1), NOW + timedelta(days=2))["salespeople"]
    assert anna_row["user"] == "anna" and anna_row["leads"] == 2
    assert anna_row["reached_pct"] == 50.0  # call 2 (made while the server was down) counted
