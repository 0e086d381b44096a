"""The store's own database calls (app.store.sqlite) on a real file, seen from a second
connection: what is committed when."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.store.sqlite import Database


@pytest.fixture
def dbs(tmp_path: Path) -> tuple[Database, sqlite3.Connection]:
    db = Database(tmp_path / "t.db")
    db.execute("create table t (k text primary key, a text, b integer)")
    return db, sqlite3.connect(tmp_path / "t.db")


def rows(other: sqlite3.Connection) -> list[tuple[object, ...]]:
    return other.execute("select k, a, b from t order by k").fetchall()


def test_a_write_outside_a_transaction_is_committed(
    dbs: tuple[Database, sqlite3.Connection],
) -> None:
    db, other = dbs
    db.execute("insert into t values ('x', 'eerste', 1)")
    assert rows(other) == [("x", "eerste", 1)]
    assert list(db.query("select k, b from t")) == [{"k": "x", "b": 1}]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into t values ('x', 'dubbel', 2)")
    assert not db.conn.in_transaction  # the failed statement left nothing open
    db.execute("BEGIN")
    assert db.conn.in_transaction  # transaction control is the caller's
    db.conn.rollback()


def test_atomic_commits_once_and_nests(dbs: tuple[Database, sqlite3.Connection]) -> None:
    db, other = dbs
    with db.atomic():
        db["t"].insert({"k": "a", "a": "anna", "b": 1})
        assert rows(other) == []  # not yet
        with pytest.raises(RuntimeError), db.atomic():
            db["t"].insert({"k": "b", "a": "bram", "b": 2})
            raise RuntimeError("the inner part fails")
    assert rows(other) == [("a", "anna", 1)]  # the outer part stays


def test_upsert_update_and_insert_or_ignore(dbs: tuple[Database, sqlite3.Connection]) -> None:
    db, other = dbs
    db["t"].upsert({"k": "a", "a": "anna", "b": 1}, pk="k")
    db["t"].upsert({"k": "a", "b": 5}, pk="k")  # only the given columns change
    db["t"].update("a", {"a": "Anna"})
    db["t"].insert_all(
        [{"k": "a", "a": "x", "b": 0}, {"k": "c", "a": "carla", "b": 3}], ignore=True
    )
    assert rows(other) == [("a", "Anna", 5), ("c", "carla", 3)]
    assert sorted(db.table_names()) == ["t"]
