"""Team tab: a year of a 40-salesperson group (~50,000 leads, ~250,000 events).

    .venv/bin/python -m tools.bench.team [--keep DIR] [--json]

Generates ~50,000 leads / ~250,000 events with `leadpop demo-history --scale`, then times
what the Team tab's worker does: the first read of the activity log, the first build of
the per-lead facts table, a month's and a year's KPIs (+ chart counts), a tick with
nothing new (it must cost ~nothing), and a tick after a few new events.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 25, 9, 12, tzinfo=UTC)


def timed(results: dict[str, float], name: str, fn: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = fn()
    results[name] = round(time.perf_counter() - start, 3)
    return value


def run(work: Path | None = None) -> dict[str, Any]:
    """Seconds per step, with the size measured; in `work` (kept) or a temporary folder."""
    if work is None:
        with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
            return run(Path(tmp))
    return _run(work)


def _run(work: Path) -> dict[str, Any]:
    from app.core.clock import FakeClock
    from app.core.events import make_event
    from app.core.kpi import team_report
    from app.demo import history as demo_history
    from app.engine.desk import Desk
    from app.engine.team_desk import TeamDesk, period_bounds
    from app.engine.team_stats import team_stats
    from app.inbox.activity_log import append_event
    from app.inbox.folder.inbox import FolderInbox
    from app.settings.config import resolve
    from app.store import Store, team_queries

    cfg = resolve(inbox=str(work / "inbox"), data_dir=str(work / "data"), user="Marco", env={})
    clock = FakeClock(NOW)
    t: dict[str, float] = {}
    summary = timed(
        t,
        "generate",
        lambda: demo_history.fill(work / "inbox", now=NOW, hours=cfg.hours, **demo_history.SCALE),
    )
    store = Store.open(cfg.data_dir)
    inbox = FolderInbox(work / "inbox", cfg.user, "pc-kantoor", watch=False, now=clock.now)
    desk = Desk(inbox, store, clock, cfg)
    team = TeamDesk(inbox, store, clock, cfg)
    timed(t, "read_activity_log", desk.sync_events)
    timed(t, "build_facts", lambda: team_queries.refresh_facts(store.db))
    tz = cfg.hours.tz

    def period(key: str, since: datetime, until: datetime) -> None:
        facts = desk.lead_facts(since, until)
        team_report(facts.values(), since, until)
        team_stats(facts.values(), tz)

    month = period_bounds("month", NOW, tz)
    timed(t, "month_kpis_and_charts", lambda: period("month", *month))
    year = (NOW - timedelta(days=365), NOW + timedelta(days=1))
    timed(t, "year_kpis_and_charts", lambda: period("year", *year))
    timed(t, "first_board", lambda: (team.sync(), team.board()))
    changed = timed(t, "tick_unchanged", team.sync)
    assert changed is False, "a tick with nothing new reported a change"
    lead = next(iter(team_queries.followups(store.db, NOW - timedelta(days=14))))["lead"]
    for _ in range(10):
        clock.advance(60)
        ev = make_event(
            "call",
            lead=lead,
            user="Anouk",
            host="pc01",
            ts=clock.now(),
            attempt=2,
            outcome="voicemail",
        )
        append_event(work / "inbox" / "activity" / "Anouk@pc01.jsonl", ev)
    changed = timed(t, "tick_10_new_events", lambda: (team.sync(), team.board())[0])
    assert changed is True
    store.close()
    inbox.close()
    return {
        "leads": summary.leads,
        "events": summary.events,
        "salespeople": summary.salespeople,
        "seconds": t,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keep", type=Path, help="work in this (empty) folder and keep it")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    result = run(args.keep)
    if args.json:
        print(json.dumps(result))
        return 0
    print(
        f"{result['leads']} leads, {result['events']} events, {result['salespeople']} salespeople"
    )
    for name, seconds in result["seconds"].items():
        print(f"  {name:<24} {seconds:8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
