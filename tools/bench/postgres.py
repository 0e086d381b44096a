"""The group inbox on PostgreSQL: claim race, lead-to-alert, the group report, a new PC.

A throw-away PostgreSQL on 127.0.0.1 (tests/postgres/pg_server.py, Debian's postgresql),
password logins over TCP as at a dealer group:

- claim race: each trial lands one document and ten PCs (ten connections, one thread
  each, released together by a barrier) claim it at once; exactly one may win;
- lead-to-alert: the app on the group inbox; a producer INSERTs a lead (`leadpop drop`'s
  call) and NOTIFY wakes the app; then a colleague claims it and the alert closes;
- the group report: `demo-history` (a year of a 40-salesperson group at full size)
  migrated in with `migrate-inbox`'s code, then the figures per salesperson and for the
  group computed in PostgreSQL, beside DuckDB computing the same from the activity files;
- a new PC: open the group inbox, list the waiting leads and get the group's figures,
  without reading the year of events (that read is given beside it, for comparison).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.bench.figure import Figure, not_available
from tools.bench.stats import median, p95

if TYPE_CHECKING:
    from app.inbox.postgres.inbox import PostgresInbox
    from tests.postgres.pg_server import PostgresServer

PCS = 10
TRIALS = {"full": 1000, "quick": 200, "tiny": 10}
REPORT_RUNS = {"full": 5, "quick": 3, "tiny": 1}
NEW_PC_RUNS = {"full": 5, "quick": 3, "tiny": 1}

# DuckDB's version of app.inbox.postgres.group_report, straight from the JSON Lines files.
DUCKDB_SQL = """
WITH ev AS (
    SELECT * FROM read_json('{files}', format = 'newline_delimited', ignore_errors = true,
        columns = {{id: 'VARCHAR', ts: 'TIMESTAMPTZ', type: 'VARCHAR', lead: 'VARCHAR',
                    "user": 'VARCHAR', received_at: 'TIMESTAMPTZ', outcome: 'VARCHAR'}})
), claims AS (
    SELECT DISTINCT ON (lead) lead, "user" AS owner, received_at
    FROM ev WHERE type = 'claimed' ORDER BY lead, ts DESC
), leads AS (
    SELECT * FROM claims WHERE received_at >= $since AND received_at < $until
), calls AS (
    SELECT lead, min(ts) AS first_call, count(*) AS n,
           bool_or(outcome IN ('reached', 'appointment')) AS reached,
           bool_or(outcome = 'appointment') AS appointment
    FROM ev WHERE type = 'call' GROUP BY lead
), sold AS (
    SELECT DISTINCT lead FROM ev WHERE type = 'sold'
)
SELECT l.owner, count(*) AS leads,
       median(epoch(c.first_call - l.received_at)) AS first_call_median_s,
       100.0 * count(*) FILTER (WHERE c.first_call - l.received_at <= INTERVAL 120 SECONDS)
           / count(*) AS within_2min_pct,
       100.0 * count(*) FILTER (WHERE c.reached) / count(*) AS reached_pct,
       100.0 * count(*) FILTER (WHERE c.appointment) / count(*) AS appointment_pct,
       100.0 * count(s.lead) / count(*) AS sold_pct
FROM leads l LEFT JOIN calls c USING (lead) LEFT JOIN sold s USING (lead)
GROUP BY GROUPING SETS ((l.owner), ())
ORDER BY l.owner NULLS FIRST
"""


def unavailable() -> str | None:
    from tests.postgres.pg_server import pg_bin_dir

    try:
        pg_bin_dir()
    except RuntimeError as exc:
        return str(exc)
    return None


def _open(server: PostgresServer, url: str, user: str, **kw: Any) -> PostgresInbox:
    from app.inbox.postgres.inbox import PostgresInbox
    from tests.postgres.pg_server import PASSWORD

    kw.setdefault("watch", False)
    return PostgresInbox(url, user, f"pc-{user}", password=PASSWORD, **kw)


# -- claim race ----------------------------------------------------------------------------


def claim_race(server: PostgresServer, trials: int) -> Figure:
    url = server.new_database()
    producer = _open(server, url, "bridge")
    pcs = [_open(server, url, f"verkoper{i:02d}") for i in range(PCS)]
    for pc in pcs:
        pc.check()  # every PC connected before the first trial
    start, done = threading.Barrier(PCS + 1), threading.Barrier(PCS + 1)
    answers: list[list[tuple[bool, str | None, float]]] = [[] for _ in range(trials)]
    names = [f"race-{n:05d}.json" for n in range(trials)]

    def pc_loop(pc: PostgresInbox) -> None:
        for n in range(trials):
            start.wait(60)
            t0 = time.perf_counter()
            r = pc.claim(names[n], pc.user)
            answers[n].append((r.won, r.owner, (time.perf_counter() - t0) * 1000))
            done.wait(60)

    threads = [threading.Thread(target=pc_loop, args=(pc,), daemon=True) for pc in pcs]
    for t in threads:
        t.start()
    round_ms: list[float] = []
    one_winner = 0
    try:
        for n in range(trials):
            producer.put_document(b"{}", name=names[n])
            start.wait(60)
            done.wait(60)
            got = answers[n]
            winners = {owner for won, owner, _ in got if won}
            owners = {owner for _, owner, _ in got}
            one_winner += sum(won for won, _, _ in got) == 1 and winners == owners
            round_ms.append(max(ms for _, _, ms in got))
    finally:
        for t in threads:
            t.join(10)
        for pc in [producer, *pcs]:
            pc.close()
    f = Figure(
        "pg_claim_race",
        f"Claim race, PostgreSQL: {trials:,} trials × {PCS} PCs (slowest answer)",
        "ms",
        "exactly one winner every trial",
        median(round_ms),
        p95(round_ms),
        trials,
        note=f"{one_winner:,} of {trials:,} trials with exactly one winner",
        extra={"trials_one_winner": one_winner, "pcs": PCS},
    )
    return f.judge(lambda f: one_winner == trials)


# -- lead-to-alert -------------------------------------------------------------------------


def lead_to_alert(server: PostgresServer, n: int, work: Path) -> Figure:
    from tests.postgres.pg_server import PASSWORD
    from tools.bench.app_proc import AppProcess
    from tools.bench.docs import Producer
    from tools.bench.latency import run_leads

    url = server.new_database(query="branch=utrecht")
    producer_inbox = _open(server, url, "bridge")
    colleague = _open(server, url, "collega")
    docs = Producer(work)  # only its unique documents: they go into the database

    def drop(i: int) -> tuple[str, float, Callable[[], None]]:
        lead_id, data = docs.document(i)
        t0 = time.time()
        producer_inbox.put_document(data, name=f"{lead_id}.json")

        def away() -> None:  # a colleague's claim: the app closes its alert
            colleague.claim(f"{lead_id}.json", "collega")

        return docs.name(i), t0, away

    try:
        with AppProcess(url, work / "data", work, env={"PGPASSWORD": PASSWORD}) as app:
            ms = run_leads(app, n, drop)
    finally:
        producer_inbox.close()
        colleague.close()
    f = Figure(
        "lead_to_alert_postgres",
        "Lead-to-alert, PostgreSQL group inbox (INSERT → alert)",
        "ms",
        "median ≤ 100 ms",
        median(ms),
        p95(ms),
        len(ms),
        extra={"samples_ms": [round(x, 1) for x in ms]},
    )
    return f.judge(lambda f: f.median <= 100)


# -- the group report, and a new PC --------------------------------------------------------


def _history(work: Path, size: dict[str, Any]) -> tuple[Path, int, int]:
    from tools.bench.report import generate

    inbox = work / "showroom"
    leads, events = generate(inbox, size)
    return inbox, leads, events


def _migrate(server: PostgresServer, inbox: Path) -> tuple[str, float]:
    from app.engine.migrate import migrate_inbox
    from app.inbox.folder.inbox import FolderInbox

    url = server.new_database()
    target = _open(server, url, "it")
    source = FolderInbox(inbox, "it", "srv", watch=False)
    t0 = time.perf_counter()
    try:
        migrate_inbox(source, str(inbox), target)
    finally:
        source.close()
        target.close()
    seconds = time.perf_counter() - t0
    server.sql("VACUUM ANALYZE", url.rsplit("/", 1)[1])  # as autovacuum does after a bulk load
    return url, seconds


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def group_report(
    server: PostgresServer, size_name: str, history: dict[str, Any], work: Path
) -> list[Figure]:
    inbox, leads, events = _history(work, history)
    url, migrate_s = _migrate(server, inbox)
    until = datetime.now(UTC) + timedelta(days=1)
    since = until - timedelta(days=367)
    runs = REPORT_RUNS[size_name]
    pc = _open(server, url, "marco")
    try:
        rows: list[dict[str, Any]] = []
        pg = _timed(lambda: rows.extend(pc.group_figures(since, until)), runs)
    finally:
        pc.close()
    group = rows[0] if rows else {}
    figures = [
        Figure(
            "pg_group_report",
            f"Group report in PostgreSQL ({leads:,} leads / {events:,} events)",
            "s",
            "≤ 0.5 s",
            statistics.median(pg),
            max(pg),
            runs,
            note=f"migrated in {migrate_s:.1f} s; sold {group.get('sold_pct', 0):.1f}%",
            extra={"migrate_s": round(migrate_s, 1), "runs_s": [round(x, 3) for x in pg]},
        ).judge(lambda f: f.median <= 0.5)
    ]
    figures.append(_duckdb(inbox, since, until, runs, leads, events))
    figures.append(_new_pc(server, url, size_name, events))
    figures.append(_report_first(url, work, events, runs))
    return figures


def _report_first(url: str, work: Path, events: int, runs: int) -> Figure:
    """`leadpop report` on the group database from an empty data folder, each run a new
    one: the database folds the leads (app.inbox.postgres.group_report.kpi_leads), the PC
    reads no events."""
    import os
    import subprocess
    import sys

    from tests.postgres.pg_server import PASSWORD
    from tools.bench.app_proc import ROOT

    cmd = [sys.executable, "-m", "app", "report", "--format", "json", "--inbox", url]
    env = {**os.environ, "PGPASSWORD": PASSWORD, "LEADPOP_NO_DESKTOP_NOTIFY": "1"}
    times = []
    for n in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [*cmd, "--data-dir", str(work / f"report-data-{n}"), "--user", "bench"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        times.append(time.perf_counter() - t0)
    f = Figure(
        "pg_report_first",
        f"`leadpop report` on PostgreSQL, new data folder ({events:,} events)",
        "s",
        "≤ 2 s",
        statistics.median(times),
        max(times),
        runs,
        note="the last 30 days, folded in the database; no events read",
        extra={"runs_s": [round(x, 3) for x in times]},
    )
    return f.judge(lambda f: f.median <= 2)


def _duckdb(
    inbox: Path, since: datetime, until: datetime, runs: int, leads: int, events: int
) -> Figure:
    key, title = (
        "duckdb_group_report",
        f"Same figures in DuckDB from the activity files ({events:,} events)",
    )
    try:
        import duckdb
    except ImportError:
        return not_available(key, title, "s", "≈ 0.4 s (reference)", "pip install -e '.[bench]'")
    sql = DUCKDB_SQL.format(files=str(inbox / "activity" / "*.jsonl").replace("'", "''"))

    def once() -> None:
        with duckdb.connect() as con:  # a fresh process's view: nothing cached
            con.execute(sql, {"since": since, "until": until}).fetchall()

    times = _timed(once, runs)
    f = Figure(
        key,
        title,
        "s",
        "≈ 0.4 s (reference)",
        statistics.median(times),
        max(times),
        runs,
        extra={"runs_s": [round(x, 3) for x in times], "duckdb": duckdb.__version__},
    )
    return f.judge(lambda f: f.median <= 0.5)


def _new_pc(server: PostgresServer, url: str, size_name: str, events: int) -> Figure:
    """Open, list the waiting leads, the group's figures: what a new PC needs to start."""
    until = datetime.now(UTC) + timedelta(days=1)
    since = until - timedelta(days=30)

    def join() -> None:
        pc = _open(server, url, f"nieuw{time.monotonic_ns()}")
        try:
            pc.list_new()
            pc.group_figures(since, until)
        finally:
            pc.close()

    times = _timed(join, NEW_PC_RUNS[size_name])
    reader = _open(server, url, "history")
    try:
        full = _timed(lambda: sum(1 for _ in reader.read_events({})[0]), 1)[0]
    finally:
        reader.close()
    f = Figure(
        "pg_new_pc",
        "A new PC joins the group (open, waiting leads, this month's figures)",
        "s",
        "≤ 2 s",
        statistics.median(times),
        max(times),
        len(times),
        note=f"reading all {events:,} events instead would take {full:.2f} s",
        extra={"read_all_events_s": round(full, 2)},
    )
    return f.judge(lambda f: f.median <= 2)


def figures(size_name: str, leads: int, history: dict[str, Any]) -> list[Figure]:
    from tests.postgres.pg_server import PostgresServer

    why = unavailable()
    if why:
        return [
            not_available(k, t, u, g, why)
            for k, t, u, g in (
                ("pg_claim_race", "Claim race, PostgreSQL", "ms", "exactly one winner"),
                ("lead_to_alert_postgres", "Lead-to-alert, PostgreSQL", "ms", "median ≤ 100 ms"),
                ("pg_group_report", "Group report in PostgreSQL", "s", "≤ 0.5 s"),
                ("duckdb_group_report", "Same figures in DuckDB", "s", "≈ 0.4 s (reference)"),
                ("pg_new_pc", "A new PC joins the group", "s", "≤ 2 s"),
                ("pg_report_first", "`leadpop report` on PostgreSQL", "s", "≤ 2 s"),
            )
        ]
    work = Path(tempfile.mkdtemp(prefix="leadpop-bench-pg-"))
    try:
        with PostgresServer() as server:
            out = [claim_race(server, TRIALS[size_name])]
            out.append(lead_to_alert(server, max(leads, 1), work))
            out += group_report(server, size_name, history, work)
            return out
    finally:
        shutil.rmtree(work, ignore_errors=True)
