"""Leadpop's benchmark: lead-to-alert, start-up, memory, idle cost, report, intake, re-list.

    python -m tools.bench [--quick | --tiny] [--json PATH] [--only NAME,...] [--display KIND]

Prints a table and writes the same figures as JSON (with the date and the machine). It
reports; it never fails on a figure: the exit code is 0 whether or not a goal is met
(non-zero only when the benchmark itself could not run).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tools.bench import machine
from tools.bench.figure import Figure, not_available
from tools.bench.sizes import FULL, QUICK, TINY, Size
from tools.bench.table import render, render_markdown

# Every part, in the order it runs: cheap ones first, the long quiet ones last.
PARTS = (
    "intake",
    "relist",
    "report",
    "startup",
    "memory",
    "latency",
    "nowatch",
    "imap",
    "postgres",
    "idle",
)


def _runners(size: Size) -> dict[str, Callable[[], list[Figure]]]:
    """Each part's runner; modules are imported when run, so --only stays lean."""

    def intake() -> list[Figure]:
        from tools.bench.intake import intake_figures

        return intake_figures(size.intake_s)

    def relist() -> list[Figure]:
        from tools.bench.intake import relist_figure

        return [relist_figure(size.claimed)]

    def report() -> list[Figure]:
        from tools.bench import report

        return report.figures(size.report_runs, size.history)

    def startup() -> list[Figure]:
        from tools.bench import startup

        return startup.figures(size.startup_runs, size.store_leads)

    def memory() -> list[Figure]:
        from tools.bench import memory

        return [memory.figure(size.arrivals, size.store_leads)]

    def latency() -> list[Figure]:
        from tools.bench import latency

        return [latency.folder(max(size.leads, 1))]

    def nowatch() -> list[Figure]:
        from tools.bench import latency

        return [latency.no_watch(max(size.leads, 1))]

    def imap() -> list[Figure]:
        from tools.bench import imap_latency

        n = max(size.leads, 1)
        return [imap_latency.figure(n), imap_latency.figure(n, oauth=True)]

    def postgres() -> list[Figure]:
        from tools.bench import postgres

        return postgres.figures(size.name, size.leads, size.history)

    def idle() -> list[Figure]:
        from tools.bench import idle

        return idle.figures(size.idle_s, size.store_leads)

    return {
        "intake": intake,
        "relist": relist,
        "report": report,
        "startup": startup,
        "memory": memory,
        "latency": latency,
        "nowatch": nowatch,
        "imap": imap,
        "postgres": postgres,
        "idle": idle,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n")[0])
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--quick", action="store_true", help="fewer leads, 15 s idle windows")
    which.add_argument(
        "--tiny", action="store_true", help="every figure once at a tiny size (the smoke test's)"
    )
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--only", help=f"comma-separated parts to run: {','.join(PARTS)}")
    ap.add_argument(
        "--display",
        choices=["auto", "xvfb", "offscreen"],
        default="auto",
        help="where the app's windows go (auto: Xvfb + openbox if installed)",
    )
    args = ap.parse_args(argv)
    args.parts = list(PARTS)
    if args.only:
        args.parts = [p.strip() for p in args.only.split(",") if p.strip()]
        unknown = [p for p in args.parts if p not in PARTS]
        if unknown:
            ap.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    return args


def run(size: Size, parts: list[str], display_kind: str) -> tuple[list[Figure], str]:
    from tools.bench.display import display

    runners = _runners(size)
    figures: list[Figure] = []
    with display(display_kind) as shown_on:
        for part in PARTS:
            if part not in parts:
                continue
            t0 = time.monotonic()
            print(f"[bench] {part} …", file=sys.stderr, flush=True)
            try:
                got = runners[part]()
            except Exception as exc:  # one broken part must not lose the others' figures
                why = " ".join(str(exc).split())[:600]
                print(f"[bench] {part} failed: {why}", file=sys.stderr, flush=True)
                got = [not_available(part, part, "", "", f"failed: {why}")]
            for f in got:
                f.extra.setdefault("part_seconds", round(time.monotonic() - t0, 1))
            figures += got
    return figures, shown_on


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    size = TINY if args.tiny else QUICK if args.quick else FULL
    started = time.monotonic()
    figures, shown_on = run(size, args.parts, args.display)
    result: dict[str, Any] = {
        **machine.describe(),
        "size": size.name,
        "display": shown_on,
        "seconds": round(time.monotonic() - started, 1),
        "figures": [f.as_json() for f in figures],
    }
    info = result
    print(
        f"Leadpop benchmark ({size.name}), {info['date']}: {info['cpu']}, {info['nproc']} "
        f"cores, Python {info['python']}, PySide6 {info['pyside6']}, windows on {shown_on}, "
        f"{info['seconds']:.0f} s"
    )
    if info["pyside6_none_refs_lost_per_100_calls"]:
        print(
            "WARNING: this PySide6 build loses a reference to None on every Qt call that "
            "returns nothing: a long-running app dies (Fatal Python error: none_dealloc)."
        )
    print(render_markdown(figures) if args.markdown else render(figures))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0
