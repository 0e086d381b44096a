"""Peak memory after many leads arrived: 1,000 documents land in new/ while the app runs.

Read once the app has stored every one of them (read-only look at its SQLite file) and
its alert has shown the queue.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from tools.bench.app_proc import AppGone, AppProcess
from tools.bench.docs import Producer
from tools.bench.figure import Figure
from tools.bench.startup import prepared

SETTLE_S = 4.0  # two re-lists: the lists of the last leads have reached the windows


def stored(data: Path, prefix: str) -> int:
    """How many of the bench's leads the app has stored (never writes, never locks)."""
    try:
        with sqlite3.connect(f"file:{data / 'leadpop.db'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute(
                "select count(*) from leads where id like ?", [prefix + "%"]
            ).fetchone()[0]
    except sqlite3.Error:
        return 0


def measure(arrivals: int, leads: int, work: Path, timeout: float = 300) -> float:
    inbox, data = prepared(work, leads)
    producer = Producer(inbox)
    with AppProcess(inbox, data, work) as app:
        app.wait_main_shown()
        staged = [producer.stage()[1] for _ in range(arrivals)]
        for tmp in staged:
            producer.land(tmp)
        deadline = time.monotonic() + timeout
        while stored(data, f"bench-{producer.run}-") < arrivals:
            app.alive()
            if time.monotonic() > deadline:
                raise AppGone(f"the app did not take in {arrivals} leads{app.log_tail()}")
            time.sleep(0.2)
        time.sleep(SETTLE_S)
        return app.peak_rss_mb()


def figure(arrivals: int, leads: int) -> Figure:
    with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
        mb = measure(arrivals, leads, Path(tmp))
    f = Figure(
        "memory_after_leads",
        f"Peak RSS after {arrivals:,} leads arrived",
        "MB",
        "≤ 200 MB",
        mb,
        None,
        1,
        extra={"arrivals": arrivals, "store_leads": leads},
    )
    return f.judge(lambda f: f.median <= 200)
