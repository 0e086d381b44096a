"""Lead-to-alert on a folder inbox: rename into new/ → the alert's first paint.

The benchmark process is the producer: it stages X.tmp, notes time.time() and renames it
to new/X.json. The app's probe notes time.time() when the alert showing that lead has
painted. Then a colleague takes the lead (new/X → claimed/collega/X), the app closes the
alert ("collega took this lead", 3 s), and the next lead lands on a hidden alert.

With `watch=False` (LEADPOP_NO_WATCH=1) the app gets no change notifications, as on an
SMB share: only its re-list (every cfg.relist_s) finds the lead.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.settings.config import DEFAULT_RELIST_S
from tools.bench.app_proc import AppProcess
from tools.bench.docs import Producer, make_inbox, take_away
from tools.bench.figure import Figure
from tools.bench.stats import median, p95

SETTLE_S = 1.0  # after the main window shows: the first poll and the first paint are done
TIMEOUT_S = 30.0
# Lands lead number i: returns (the customer's name, t0 just before landing, take it away).
Drop = Callable[[int], tuple[str, float, Callable[[], None]]]


def run_leads(app: AppProcess, n: int, drop: Drop, jitter_s: float = 0.0) -> list[float]:
    """Latencies in ms of `n` leads, one after the other, each on a hidden alert.

    `jitter_s`: wait a random 0–jitter_s before each lead. Without it every lead would
    land at the same moment of the app's re-list timer (the loop is in step with it).
    """
    app.wait_main_shown()
    time.sleep(SETTLE_S)
    rng = random.Random(7)
    out: list[float] = []
    for i in range(n):
        time.sleep(rng.uniform(0, jitter_s))
        since = app.mark()
        name, t0, away = drop(i)
        painted = app.wait_for(lambda e, name=name: _shows(e, name), TIMEOUT_S, since)
        out.append((painted["t"] - t0) * 1000)
        since = app.mark()
        away()
        app.wait_for(lambda e: e["event"] == "alert_hidden", TIMEOUT_S, since)
    return out


def _shows(event: dict[str, object], name: str) -> bool:
    """The alert painted with this customer (its title is "New lead — <name>")."""
    return event["event"] == "alert_painted" and str(event.get("title", "")).endswith(name)


def measure(n: int, *, watch: bool, work: Path) -> list[float]:
    inbox = make_inbox(work / "inbox")
    producer = Producer(inbox)

    def drop(_: int) -> tuple[str, float, Callable[[], None]]:
        name, tmp = producer.stage()
        t0 = producer.land(tmp)
        return name, t0, lambda: take_away(tmp.with_suffix(""), inbox)

    env = {} if watch else {"LEADPOP_NO_WATCH": "1"}
    with AppProcess(inbox, work / "data", work, env=env) as app:
        return run_leads(app, n, drop, jitter_s=0 if watch else DEFAULT_RELIST_S)


def folder(n: int) -> Figure:
    with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
        ms = measure(n, watch=True, work=Path(tmp))
    f = Figure(
        "lead_to_alert_folder",
        "Lead-to-alert, folder inbox",
        "ms",
        "median ≤ 250 ms, p95 ≤ 1 s",
        median(ms),
        p95(ms),
        len(ms),
        extra={"samples_ms": [round(x, 1) for x in ms]},
    )
    return f.judge(lambda f: f.median <= 250 and f.p95 <= 1000)


def no_watch(n: int) -> Figure:
    relist = DEFAULT_RELIST_S
    with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
        ms = measure(n, watch=False, work=Path(tmp))
    f = Figure(
        "lead_to_alert_no_watch",
        "Lead-to-alert, notifications lost (re-list only)",
        "ms",
        f"≤ re-list {relist:g} s + 250 ms; re-list ≤ 2 s",
        median(ms),
        p95(ms),
        len(ms),
        note=f"re-list interval {relist:g} s: a lead waits 0–{relist:g} s for it",
        extra={"relist_s": relist, "samples_ms": [round(x, 1) for x in ms]},
    )
    return f.judge(lambda f: f.median <= relist * 1000 + 250 and relist <= 2)
