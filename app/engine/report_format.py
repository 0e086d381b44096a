"""Rendering the team report: table, JSON and CSV (the Team tab exports the same CSV)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from app.core.kpi import KPI_KEYS, LeadFacts

COLUMNS = (
    ("user", "salesperson"),
    ("leads", "leads"),
    ("first_call_median_s", "median 1st call"),
    ("within_2min_pct", "≤2 min %"),
    ("reached_pct", "reached %"),
    ("three_attempts_pct", "3 attempts %"),
    ("appointment_pct", "appointment %"),
    ("sold_pct", "sold %"),
)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600}h{(s % 3600) // 60:02d}m"
    return f"{s // 60}:{s % 60:02d}"


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "first_call_median_s":
        return duration(value)
    if key.endswith("_pct"):
        return f"{value:.1f}"
    return str(value)


def rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [*report["salespeople"], {"user": "team", **report["team"]}]


def as_table(report: dict[str, Any]) -> str:
    body = [[_cell(k, r.get(k)) for k, _ in COLUMNS] for r in rows(report)]
    head = [h for _, h in COLUMNS]
    widths = [max(len(x) for x in col) for col in zip(head, *body, strict=False)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [f"Leads received {report['since']} – {report['until']}", line(head)]
    out.append(line(["-" * w for w in widths]))
    out.extend(line(b) for b in body[:-1])
    if len(body) > 1:
        out.append(line(["-" * w for w in widths]))
    out.append(line(body[-1]))
    out.append(
        "Sold % against 13% (minimum expected of a salesperson) and 20% "
        "(where an internal contact centre starts to pay off)."
    )
    return "\n".join(out)


def as_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)


def as_csv(report: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["user", *KPI_KEYS])
    for r in rows(report):
        w.writerow([r["user"], *("" if r.get(k) is None else r[k] for k in KPI_KEYS)])
    return buf.getvalue()


def detail_csv(facts: Iterable[LeadFacts], tz: Any) -> str:
    """One row per lead: owner, times, attempts and outcomes."""
    buf = io.StringIO()
    items = [f.detail_row(tz) for f in sorted(facts, key=lambda f: f.received_at)]
    fields = list(items[0]) if items else list(LeadFacts.__dataclass_fields__)
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(items)
    return buf.getvalue()
