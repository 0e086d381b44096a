"""The few database calls the store makes, on the standard library's sqlite3.

sqlite-utils costs ~50 ms to import (click, pluggy, dateutil come with it): a third of a
`leadpop report` that has little to do. It is still what the schema migrations are
written with (app.store.schema), imported only when one is pending. These calls keep its
behaviour: a write outside a transaction commits; `atomic` nests with savepoints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Any

_savepoints = count()
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})


class Database:
    """One connection; one thread (sqlite3's own rule)."""

    def __init__(self, path: Path | str) -> None:
        self.conn = sqlite3.connect(str(path))
        self._pks: dict[str, list[str]] = {}

    def close(self) -> None:
        self.conn.close()

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> sqlite3.Cursor:
        """Run one statement; a write that opened a transaction is committed."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql, params or ())
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.rollback()  # the failed statement's implicit transaction
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and sql.lstrip().split(None, 1)[0].upper() not in _TRANSACTION_CONTROL
        ):
            conn.commit()
        return cursor

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        """The rows as dicts."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    @contextmanager
    def atomic(self, *, immediate: bool = False) -> Iterator[Database]:
        """A transaction, or a savepoint inside one.

        `immediate` takes the write lock at the start (BEGIN IMMEDIATE): a transaction that
        reads before it writes then waits for another connection's writer (busy_timeout)
        instead of failing at its first write.
        """
        conn = self.conn
        if conn.in_transaction:
            name = f"leadpop_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield self
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("select name from sqlite_master where type = 'table'")]

    def __getitem__(self, name: str) -> Table:
        return Table(self, name)

    def primary_key(self, table: str) -> list[str]:
        pk = self._pks.get(table)
        if pk is None:
            info = self.execute(f"PRAGMA table_info([{table}])").fetchall()
            pk = self._pks[table] = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
        return pk


class Table:
    def __init__(self, db: Database, name: str) -> None:
        self.db = db
        self.name = name

    def insert(self, record: dict[str, Any]) -> None:
        self.insert_all([record])

    def insert_all(self, records: Iterable[dict[str, Any]], *, ignore: bool = False) -> None:
        """Insert rows (all with the keys of the first); `ignore` skips existing keys."""
        rows = list(records)
        if not rows:
            return
        cols = list(rows[0])
        verb = "insert or ignore" if ignore else "insert"
        with self.db.atomic():
            self.db.conn.executemany(
                f"{verb} into [{self.name}] ({_names(cols)}) values ({_marks(cols)})",
                [[r[c] for c in cols] for r in rows],
            )

    def upsert(self, record: dict[str, Any], *, pk: str) -> None:
        """Insert the row, or update the given columns of the row with this `pk`."""
        cols = list(record)
        rest = [c for c in cols if c != pk]
        action = (
            "do update set " + ", ".join(f"[{c}] = excluded.[{c}]" for c in rest)
            if rest
            else "do nothing"
        )
        with self.db.atomic():
            self.db.conn.execute(
                f"insert into [{self.name}] ({_names(cols)}) values ({_marks(cols)})"
                f" on conflict([{pk}]) {action}",
                [record[c] for c in cols],
            )

    def update(self, key: Any, values: dict[str, Any]) -> None:
        """Set columns of the row whose (single-column) primary key is `key`."""
        if not values:
            return
        [pk] = self.db.primary_key(self.name)
        sets = ", ".join(f"[{c}] = ?" for c in values)
        with self.db.atomic():
            self.db.conn.execute(
                f"update [{self.name}] set {sets} where [{pk}] = ?", [*values.values(), key]
            )


def _names(cols: list[str]) -> str:
    return ", ".join(f"[{c}]" for c in cols)


def _marks(cols: list[str]) -> str:
    return ", ".join("?" * len(cols))
