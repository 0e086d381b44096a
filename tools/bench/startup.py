"""Start-up (process start → the main window's first paint) and peak memory after it.

The data folder's store holds 1,000 leads (tools/bench/prefill.py); the inbox is empty.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from tools.bench.app_proc import AppProcess
from tools.bench.docs import make_inbox
from tools.bench.figure import Figure
from tools.bench.prefill import fill
from tools.bench.stats import median, p95

SETTLE_S = 2.0  # the first poll and the first lists have reached the window


def prepared(work: Path, leads: int) -> tuple[Path, Path]:
    """(inbox, data dir) with `leads` leads in the store; made once, copied per use."""
    template = work / f"template-{leads}"
    if not template.exists():
        make_inbox(template / "inbox")
        fill(template / "data", leads)
    run = work / f"run-{time.monotonic_ns()}"
    shutil.copytree(template, run)
    return run / "inbox", run / "data"


def measure(runs: int, leads: int, work: Path) -> tuple[list[float], list[float]]:
    """Seconds to the main window's first paint, and MB of peak RSS after start-up."""
    seconds, rss = [], []
    for _ in range(runs):
        inbox, data = prepared(work, leads)
        with AppProcess(inbox, data, work) as app:
            seconds.append(app.wait_main_shown() - app.started)
            time.sleep(SETTLE_S)
            rss.append(app.peak_rss_mb())
    return seconds, rss


def figures(runs: int, leads: int, work: Path | None = None) -> list[Figure]:
    if work is None:
        with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
            return figures(runs, leads, Path(tmp))
    seconds, rss = measure(runs, leads, work)
    start = Figure(
        "startup",
        f"Start-up to main window ({leads:,} leads in the store)",
        "s",
        "≤ 1.5 s",
        median(seconds),
        p95(seconds),
        len(seconds),
        extra={"leads": leads, "samples_s": [round(s, 3) for s in seconds]},
    )
    memory = Figure(
        "memory_startup",
        "Peak RSS after start-up",
        "MB",
        "≤ 150 MB",
        median(rss),
        None,
        len(rss),
        extra={"samples_mb": [round(m, 1) for m in rss]},
    )
    return [
        start.judge(lambda f: f.median <= 1.5),
        memory.judge(lambda f: f.median <= 150),
    ]
