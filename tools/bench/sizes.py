"""How big each figure's run is: the full benchmark, a quick look, and the smoke test's."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.demo.history import SCALE


@dataclass(frozen=True)
class Size:
    name: str
    leads: int  # lead-to-alert: leads per figure (folder, re-list only, IMAP)
    startup_runs: int
    store_leads: int  # leads in the local store for start-up, memory and idle
    arrivals: int  # leads that land for the memory figure
    idle_s: float
    report_runs: int
    history: dict[str, Any] = field(default_factory=dict)  # demo_history.fill sizes
    intake_s: float = 2.0  # seconds of parsing per format
    claimed: int = 100_000  # files in claimed/ for the re-list


FULL = Size(
    "full",
    leads=30,
    startup_runs=5,
    store_leads=1000,
    arrivals=1000,
    idle_s=60,
    report_runs=3,
    history=dict(SCALE),
)
QUICK = Size(
    "quick",
    leads=10,
    startup_runs=3,
    store_leads=1000,
    arrivals=1000,
    idle_s=15,
    report_runs=1,
    history=dict(SCALE),
    intake_s=0.5,
)
# The smoke test's: every figure once, in well under a minute.
TINY = Size(
    "tiny",
    leads=2,
    startup_runs=1,
    store_leads=50,
    arrivals=20,
    idle_s=2,
    report_runs=1,
    history={"salespeople": 6, "weeks": 4, "leads_per_day": 72.0},
    intake_s=0.1,
    claimed=1000,
)
SIZES = {s.name: s for s in (FULL, QUICK, TINY)}
