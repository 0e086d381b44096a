"""The test server itself: password logins over TCP, fresh databases, restarts."""

from __future__ import annotations

import psycopg
import pytest

from tests.postgres.pg_server import PostgresServer


def test_a_fresh_database_takes_a_password_login(postgres: PostgresServer, pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("leadpop",)
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(pg_url, password="wrong").close()


def test_data_survives_a_crash_and_a_restart(postgres: PostgresServer, pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("INSERT INTO t VALUES (1)")
    postgres.crash()
    postgres.start()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
