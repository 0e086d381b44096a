"""`leadpop report` on a year of a large group, as a subprocess (start-up included).

`leadpop demo-history --scale` writes ~50,000 leads / ~240,000 events once per benchmark
run (into its temporary folder). Then:
- first run: an empty data folder, so the report reads every activity file and folds
  every lead (a new PC, or a manager's first look);
- after 100 new events: the same data folder, after a colleague's PC appended 100 events
  (what a report, or a Team-tab refresh, costs on an ordinary day).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tools.bench.app_proc import ROOT
from tools.bench.figure import Figure
from tools.bench.stats import median, p95

NEW_EVENTS = 100


def generate(inbox: Path, size: dict[str, Any]) -> tuple[int, int]:
    """Fill `inbox` with history up to now; returns (leads, events)."""
    from app.demo import history as demo_history
    from app.settings.config import resolve

    hours = resolve(data_dir=str(inbox.parent / "unused"), env={}).hours
    s = demo_history.fill(inbox, now=datetime.now(UTC), hours=hours, **size)
    return s.leads, s.events


def run_report(inbox: Path, data: Path) -> float:
    """Wall-clock seconds of one `leadpop report --format json`, process start to exit."""
    cmd = [
        sys.executable,
        "-m",
        "app",
        "report",
        "--format",
        "json",
        "--inbox",
        str(inbox),
        "--data-dir",
        str(data),
        "--user",
        "bench",
    ]
    t0 = time.perf_counter()
    subprocess.run(
        cmd,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "LEADPOP_NO_DESKTOP_NOTIFY": "1"},
    )
    return time.perf_counter() - t0


def append_events(inbox: Path, n: int) -> None:
    """A colleague's PC logs `n` calls on recent leads (one write, as a burst of events)."""
    from app.core.events import encode_event, make_event

    leads = _recent_leads(inbox, n)
    now = datetime.now(UTC)
    lines = b"".join(
        encode_event(
            make_event(
                "call",
                lead=lead,
                user="Anouk",
                host="pc-bench",
                ts=now,
                attempt=2,
                outcome="voicemail",
            )
        )
        for lead in leads
    )
    with open(inbox / "activity" / "Anouk@pc-bench.jsonl", "ab") as fh:
        fh.write(lines)


def _recent_leads(inbox: Path, n: int) -> list[str]:
    """Lead ids from the end of one activity file (recent leads), repeated up to `n`."""
    import json

    path = next(iter(sorted((inbox / "activity").glob("*.jsonl"))))
    tail = path.read_bytes()[-200_000:].splitlines()[1:]
    leads = list(dict.fromkeys(json.loads(line)["lead"] for line in tail))
    return [leads[i % len(leads)] for i in range(n)]


def figures(runs: int, size: dict[str, Any], work: Path | None = None) -> list[Figure]:
    if work is None:
        with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
            return figures(runs, size, Path(tmp))
    inbox = work / "inbox"
    leads, events = generate(inbox, size)
    first, after = [], []
    for i in range(runs):
        data = work / f"data-{i}"
        first.append(run_report(inbox, data))
        append_events(inbox, NEW_EVENTS)
        after.append(run_report(inbox, data) * 1000)
    extra = {"leads": leads, "events": events}
    return [
        Figure(
            "report_first",
            f"Report, first run ({leads:,} leads, {events:,} events)",
            "s",
            "≤ 2 s",
            median(first),
            p95(first) if runs > 1 else None,
            len(first),
            extra={**extra, "samples_s": [round(s, 3) for s in first]},
        ).judge(lambda f: f.median <= 2),
        Figure(
            "report_after",
            f"Report, after {NEW_EVENTS} new events",
            "ms",
            "≤ 200 ms",
            median(after),
            p95(after) if runs > 1 else None,
            len(after),
            extra={**extra, "samples_ms": [round(s, 1) for s in after]},
        ).judge(lambda f: f.median <= 200),
    ]
