"""PgBouncer in transaction pooling reaches the person: the desk's Health carries the
inbox's push_problem, and the status bar shows it in one label while it lasts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg

from app.core.clock import FakeClock
from app.engine.desk import Desk
from app.inbox.postgres.inbox import PostgresInbox
from app.inbox.postgres.listener import POOLED_WARNING, Listener
from app.settings.config import resolve
from app.store import Store
from app.ui.salesperson.status_bar import LeadStatusBar
from tests.postgres.test_pg_push import WAIT_S, _TransactionPooled

OpenPc = Callable[..., PostgresInbox]


def desk_on(inbox: PostgresInbox, pg_url: str, tmp_path: Path) -> Desk:
    cfg = resolve(inbox=pg_url, data_dir=str(tmp_path / "data"), user="anna", env={})
    clock = FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    return Desk(inbox, Store.open(cfg.data_dir), clock, cfg)


def test_push_through_transaction_pooling_is_in_health_and_the_status_bar(
    qtbot: Any, pg_url: str, open_pc: OpenPc, tmp_path: Path
) -> None:
    inbox = open_pc(watch=True)
    assert inbox._listener is not None
    inbox._listener.close()  # the same inbox, its push as PgBouncer would pass it
    inbox._listener = Listener(lambda: _TransactionPooled(psycopg.connect(pg_url)))  # type: ignore[arg-type, return-value]
    assert inbox._listener.wait_ready(WAIT_S)
    desk = desk_on(inbox, pg_url, tmp_path)
    bar = LeadStatusBar(ZoneInfo("Europe/Amsterdam"))
    qtbot.addWidget(bar)
    try:
        health = desk.poll().health
        assert health.ok and health.push_problem == POOLED_WARNING
        bar.set_health(health)
        assert bar.push.isVisibleTo(bar) and bar.push.toolTip() == POOLED_WARNING
        assert bar.health.text() == "Inbox connected"
    finally:
        desk.store.close()


def test_a_direct_connection_has_no_push_problem(
    qtbot: Any, pg_url: str, open_pc: OpenPc, tmp_path: Path
) -> None:
    inbox = open_pc(watch=True)
    assert inbox._listener is not None and inbox._listener.wait_ready(WAIT_S)
    desk = desk_on(inbox, pg_url, tmp_path)
    bar = LeadStatusBar(ZoneInfo("Europe/Amsterdam"))
    qtbot.addWidget(bar)
    try:
        bar.set_health(desk.poll().health)
        assert desk.health.ok and desk.health.push_problem is None
        assert not bar.push.isVisibleTo(bar)
    finally:
        desk.store.close()
