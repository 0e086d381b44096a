"""Intake and re-list figures, from the two measuring modules."""

from __future__ import annotations

from tools.bench import intake_rate, relist
from tools.bench.figure import Figure

NAMES = {"json": "JSON", "adf": "ADF XML", "email": "e-mail"}


def intake_figures(seconds: float) -> list[Figure]:
    rates = intake_rate.run(seconds)
    return [
        Figure(
            f"intake_{fmt}",
            f"Intake, {NAMES[fmt]}",
            "docs/s",
            "≥ 500/s",
            rate,
            None,
            1,
            extra={"fixtures": intake_rate.FORMATS[fmt]},
        ).judge(lambda f: f.median >= 500)
        for fmt, rate in rates.items()
    ]


def relist_figure(claimed: int) -> Figure:
    r = relist.run(claimed)
    f = Figure(
        "relist",
        f"Inbox re-list (new/ 10, claimed/ {claimed:,})",
        "ms",
        "≤ 5 ms",
        r["median_ms"],
        r["p95_ms"],
        r["n"],
        extra={"claimed_files": claimed},
    )
    return f.judge(lambda f: f.median <= 5)
