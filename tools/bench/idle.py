"""Idle cost: the app's CPU time (all threads, /proc) over a quiet window.

First with the main window hidden, as in the tray (LEADPOP_BENCH_TRAY=1 hides it after
its first paint: Xvfb and offscreen have no tray), then with an alert counting down.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tools.bench.app_proc import AppProcess
from tools.bench.docs import Producer
from tools.bench.figure import Figure
from tools.bench.startup import prepared

SETTLE_S = 3.0  # start-up work (first poll, first lists, first paint) is over


def cpu_percent(app: AppProcess, seconds: float) -> float:
    """CPU time used during `seconds` of wall time, in % of one core."""
    c0, t0 = app.cpu_seconds(), time.monotonic()
    time.sleep(seconds)
    c1, t1 = app.cpu_seconds(), time.monotonic()
    return 100 * (c1 - c0) / (t1 - t0)


def measure(seconds: float, leads: int, work: Path) -> tuple[float, float]:
    inbox, data = prepared(work, leads)
    with AppProcess(inbox, data, work, env={"LEADPOP_BENCH_TRAY": "1"}) as app:
        app.wait_main_shown()
        time.sleep(SETTLE_S)
        tray = cpu_percent(app, seconds)
        since = app.mark()
        Producer(inbox).drop()
        app.wait_for(lambda e: e["event"] == "alert_painted", 30, since)
        time.sleep(SETTLE_S)
        alert = cpu_percent(app, seconds)
    return tray, alert


def figures(seconds: float, leads: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
        tray, alert = measure(seconds, leads, Path(tmp))
    extra = {"window_s": seconds, "store_leads": leads}
    return [
        Figure(
            "idle_tray",
            f"Idle CPU, main window hidden (tray), {seconds:g} s",
            "%",
            "≤ 1% of one core",
            tray,
            None,
            1,
            extra=extra,
        ).judge(lambda f: f.median <= 1),
        Figure(
            "idle_alert",
            f"Idle CPU, alert counting down, {seconds:g} s",
            "%",
            "≤ 3% of one core",
            alert,
            None,
            1,
            extra=extra,
        ).judge(lambda f: f.median <= 3),
    ]
