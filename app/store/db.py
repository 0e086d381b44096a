"""Opening the database file: pragmas, migrations, and the two failure modes that must not crash."""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from app.store.schema import MIGRATION_SET, MIGRATIONS, registry
from app.store.sqlite import Database

log = logging.getLogger(__name__)


class StoreError(Exception):
    """The store can't be used; the message is one line that says what to do."""


def _pragmas(db: Database) -> None:
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


CHECK_EVERY_S = 24 * 3600
_CHECKED = "store_checked_at"
# Set in a store started in place of a damaged one: the engine rebuilds this PC's own work
# (its leads, calls, reminders, "not me"s) from the shared activity log, then clears it.
REBUILD = "rebuild_from_log"


def _emptied(path: Path) -> bool:
    """A store file of 0 bytes with no write-ahead log to recover it from: its contents
    are gone (a crash or a full disk while it was written). A new install has no file."""
    try:
        if path.stat().st_size != 0:
            return False
    except FileNotFoundError:
        return False
    wal = Path(str(path) + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _check_daily(db: Database) -> bool:
    """PRAGMA quick_check reads every page: ~50 ms on a year of a large group, on every
    `leadpop report`. Once a day is enough to find a damaged file and start a new one;
    SQLite still refuses damaged pages it comes across in between. Returns whether it ran
    (then _checked records when, once the schema is in place)."""
    tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    if "settings" in tables:
        row = db.execute("select value from settings where key = ?", [_CHECKED]).fetchone()
        try:
            if row and 0 <= time.time() - float(row[0]) < CHECK_EVERY_S:
                return False
        except ValueError:
            pass
    (check,) = db.execute("PRAGMA quick_check(1)").fetchone()
    if check != "ok":
        raise sqlite3.DatabaseError(f"integrity check failed: {check}")
    return True


def _create(db: Database) -> None:
    """A new store: the schema the migrations build, recorded as theirs (fresh_schema)."""
    from app.store.fresh_schema import MIGRATED, SCHEMA

    now = str(datetime.now(UTC))  # as sqlite-utils records it
    with db.atomic():
        for sql in SCHEMA:
            db.conn.execute(sql)
        db.conn.executemany(
            "insert into _sqlite_migrations (migration_set, name, applied_at) values (?, ?, ?)",
            [(MIGRATION_SET, name, now) for name in MIGRATED],
        )


def _applied(db: Database) -> set[str]:
    """The names of the migrations this file has had (none for a new file)."""
    try:
        rows = db.execute(
            "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return set()
        raise
    return {r[0] for r in rows}


def _checked(db: Database) -> None:
    db.execute(
        "insert or replace into settings (key, value) values (?, ?)", [_CHECKED, repr(time.time())]
    )
    db.conn.commit()


def _move_aside(path: Path) -> Path:
    """Keep a corrupt file (and its WAL) for IT, under a name that says what happened."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            src.rename(Path(str(target) + suffix))
    return target


def open_database(path: Path) -> tuple[Database, list[str]]:
    """Open (creating or upgrading) the store. Returns the database and messages for the user.

    A corrupt file is moved aside and a fresh store is started; a file written by a newer
    Leadpop is refused, because downgrading it would lose data.
    """
    messages: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"can't create the data folder {path.parent}: {exc.strerror or exc}; "
            "choose another with --data-dir"
        ) from exc
    replaced = False
    if _emptied(path):
        aside = _move_aside(path)
        msg = (
            f"the local store was empty (0 bytes): it was kept as {aside.name} and a new "
            "one started; your leads are rebuilt from the team's activity log"
        )
        log.warning(msg)
        messages.append(msg)
        replaced = True
    for attempt in (1, 2):
        try:
            db = Database(path)
        except sqlite3.Error as exc:  # e.g. the path is a folder, or not writable
            raise StoreError(f"can't open the database {path}: {exc}") from exc
        try:
            _pragmas(db)
            checked = _check_daily(db)
            known = {m.__name__ for m in MIGRATIONS}
            applied = _applied(db)
            newer = sorted(applied - known)
            if newer:
                db.close()
                raise StoreError(
                    f"the database {path} was written by a newer Leadpop (schema {newer[-1]}); "
                    "install the newer Leadpop or start with another --data-dir"
                )
            if not applied and not db.table_names():
                _create(db)  # a new file: the whole schema at once
            elif known - applied:
                from sqlite_utils import Database as Migrating

                registry().apply(Migrating(db.conn))
            if checked:
                _checked(db)
            if replaced:
                db.execute(
                    "insert or replace into settings (key, value) values (?, '1')", [REBUILD]
                )
            return db, messages
        except sqlite3.DatabaseError as exc:
            db.close()
            if attempt == 2:
                raise StoreError(f"can't open the database {path}: {exc}") from exc
            aside = _move_aside(path)
            msg = (
                f"the database was damaged ({exc}); it was kept as {aside.name} and a new "
                "one started; your leads are rebuilt from the team's activity log"
            )
            log.warning(msg)
            messages.append(msg)
            replaced = True
    raise AssertionError("unreachable")
