"""The team report: the KPIs of the leads received in a period, as a table, JSON or CSV.

`leadpop report` prints it and the Team tab shows and exports it, both through these
functions (the tab via app.engine.team_desk), so they show the same numbers because they
run the same code. Light to import and without classes: it is on the command's start-up
path.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from app.core.kpi import KPI_KEYS, KpiLead, LeadFacts, first_call_s, in_period, kpis, team_report
from app.inbox.base import InboxError
from app.store import team_queries

if TYPE_CHECKING:
    from app.core.hours import OpeningHours
    from app.engine.desk import Desk
    from app.store import Store

log = logging.getLogger(__name__)

FORMATS = ("table", "json", "csv")
BY = ("salesperson", "routing")  # a row per salesperson, or per routing mode
# The modes in the order Settings names them (app.core.offer.Mode); any other after them,
# then leads whose mode wasn't recorded (claimed before Leadpop kept it).
MODE_ORDER = ("everyone", "rollout", "round_robin", "by_source")
# CSV as Excel opens it with a double click, per the user's locale: its list separator
# and its decimal mark. Without `excel`, the CSV is for machines: ',' and '.'.
EXCEL = {"nl": (";", ","), "en": (",", ".")}
# The conversion reference lines: a salesperson's minimum, and where an internal contact
# centre starts to pay off. The table's footnote names them; the Team tab draws them and
# the manager may move them (kept in the store).
DEFAULT_LINES = (13.0, 20.0)
LINES_KEY = "team.conversion_lines"


# -- the report ----------------------------------------------------------------------------


def catch_up(desk: Desk) -> str | None:
    """Read the team's new events into the store. None when done; else why the shared
    inbox couldn't be read (the figures then come from the events read before)."""
    try:
        desk.sync_events()
    except InboxError as exc:
        return str(exc)
    return None


def kpi_report(
    store: Store, hours: OpeningHours, since: datetime, until: datetime, *, by: str = "salesperson"
) -> dict[str, Any]:
    """The team KPIs of the leads received in [since, until) (app.core.kpi.team_report);
    `by` "routing": a row per routing mode instead of per salesperson (routing_report)."""
    if by not in BY:
        raise ValueError(f"unknown split {by!r}")
    team_queries.refresh_facts(store.db)
    if by == "routing":
        routed = team_queries.load_routed_kpi_leads(store.db, since, until, hours)
        return routing_report(routed, since, until)
    # Only the columns the KPIs read (no states decoded): a year of a large group, fast.
    leads = team_queries.load_kpi_leads(store.db, since, until, hours)
    return team_report(leads, since, until)


def report_text(
    store: Store,
    hours: OpeningHours,
    fmt: str,
    since: datetime,
    until: datetime,
    *,
    detail: bool = False,
    excel: str | None = None,
    by: str = "salesperson",
) -> str:
    """The report as `leadpop report --format FMT [--detail] [--excel nl|en] [--by B]`
    prints it and the Team tab exports it: table, json or csv; with `detail`, csv with one
    row per lead; with `excel`, csv as Excel in that language opens it (see EXCEL); `by`
    "routing", a row per routing mode."""
    if excel is not None and excel not in EXCEL:
        raise ValueError(f"unknown Excel language {excel!r}")
    if fmt == "csv" and detail:
        team_queries.refresh_facts(store.db)
        facts = team_queries.load_facts(store.db, since, until, hours)
        return detail_csv(in_period(facts, since, until), hours.tz, store=store, excel=excel)
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    return render(kpi_report(store, hours, since, until, by=by), fmt, excel=excel)


def render(report: dict[str, Any], fmt: str, *, excel: str | None = None) -> str:
    """A team report (app.core.kpi.team_report) as table, json or csv."""
    if excel is not None and excel not in EXCEL:
        raise ValueError(f"unknown Excel language {excel!r}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    if fmt == "json":
        return as_json(report) + "\n"
    if fmt == "csv":
        return as_csv(report, excel=excel)
    return as_table(report) + "\n"


# -- the figures from a group database ----------------------------------------------------


@runtime_checkable
class FoldsInDatabase(Protocol):
    """An inbox that folds the KPIs' per-lead facts itself (the group's PostgreSQL)."""

    def kpi_leads(self, since: datetime, until: datetime) -> list[tuple[Any, ...]]: ...

    def branches(self) -> list[str]: ...


@dataclass(frozen=True)
class BranchRow:
    """One branch's KPIs (app.core.kpi.kpis) in a period; `branch` None is the group.

    `branch` "" is the PCs set up without a branch (a head office)."""

    branch: str | None
    leads: int
    first_call_median_s: float | None
    within_2min_pct: float | None
    reached_pct: float | None
    three_attempts_pct: float | None
    appointment_pct: float | None
    sold_pct: float | None

    @property
    def is_group(self) -> bool:
        return self.branch is None


def _call_time(ts: datetime, started: str | None) -> datetime:
    """As app.core.fold: when Call now was pressed, if logged with its zone and not after
    the event; else the event's own time."""
    if started:
        try:
            when = datetime.fromisoformat(started)
        except ValueError:
            return ts
        if when.tzinfo is not None and when <= ts:
            return when
    return ts


def database_leads(
    inbox: FoldsInDatabase, hours: OpeningHours, since: datetime, until: datetime
) -> list[tuple[str, KpiLead]]:
    """(branch, KpiLead) of the leads received in [since, until), folded in the database;
    the SLA start from this PC's opening hours, as on a folder inbox. Raises InboxError."""
    out = []
    sla_start = hours.sla_start
    for branch, lead, owner, received, ts, started, n, reached, appt, sold in inbox.kpi_leads(
        since, until
    ):
        first = None if ts is None else first_call_s(_call_time(ts, started), sla_start(received))
        out.append((str(branch), KpiLead(lead, owner, received, first, n, reached, appt, sold)))
    return out


def database_report(
    inbox: FoldsInDatabase,
    hours: OpeningHours,
    since: datetime,
    until: datetime,
    branch: str | None = None,
) -> dict[str, Any]:
    """The team report (app.core.kpi.team_report) from the group database, of one branch
    or (None) the whole group: a new PC reads no events for it."""
    leads = database_leads(inbox, hours, since, until)
    return team_report([k for b, k in leads if branch is None or b == branch], since, until)


def branch_rows(leads: Iterable[tuple[str, KpiLead]]) -> tuple[BranchRow, ...]:
    """A row per branch, by name, then the group's."""
    by_branch: dict[str, list[KpiLead]] = {}
    everyone: list[KpiLead] = []
    for branch, lead in leads:
        by_branch.setdefault(branch, []).append(lead)
        everyone.append(lead)
    rows = [BranchRow(b, **kpis(by_branch[b])) for b in sorted(by_branch, key=str.casefold)]
    return (*rows, BranchRow(None, **kpis(everyone)))


# -- per routing mode -----------------------------------------------------------------------


@dataclass(frozen=True)
class RoutingRow:
    """One routing mode's KPIs (app.core.kpi.kpis) in a period: did rollout make the team
    faster? `mode` "" is leads whose mode wasn't recorded; None is the whole team."""

    mode: str | None
    leads: int
    first_call_median_s: float | None
    within_2min_pct: float | None
    reached_pct: float | None
    three_attempts_pct: float | None
    appointment_pct: float | None
    sold_pct: float | None

    @property
    def is_team(self) -> bool:
        return self.mode is None


def _mode_key(mode: str) -> tuple[int, str]:
    if mode in MODE_ORDER:
        return MODE_ORDER.index(mode), mode
    return (len(MODE_ORDER) + 1, mode) if not mode else (len(MODE_ORDER), mode)


def routing_rows(leads: Iterable[tuple[str | None, KpiLead | LeadFacts]]) -> tuple[RoutingRow, ...]:
    """A row per routing mode (MODE_ORDER, not recorded last), then the team's."""
    by_mode: dict[str, list[KpiLead | LeadFacts]] = {}
    everyone: list[KpiLead | LeadFacts] = []
    for mode, lead in leads:
        by_mode.setdefault(mode or "", []).append(lead)
        everyone.append(lead)
    rows = [RoutingRow(m, **kpis(by_mode[m])) for m in sorted(by_mode, key=_mode_key)]
    return (*rows, RoutingRow(None, **kpis(everyone)))


def routing_report(
    leads: Iterable[tuple[str | None, KpiLead | LeadFacts]], since: datetime, until: datetime
) -> dict[str, Any]:
    """`{"since", "until", "routing": [{"mode", ...KPIs}], "team": {...KPIs}}`: the team
    report with a row per routing mode; `mode` null where it wasn't recorded."""
    lo, hi = since.astimezone(UTC), until.astimezone(UTC)  # as stored: no zone lookups
    *modes, team = routing_rows((m, k) for m, k in leads if lo <= k.received_at < hi)
    return {
        "since": since.isoformat(timespec="seconds"),
        "until": until.isoformat(timespec="seconds"),
        "routing": [{"mode": r.mode or None, **_kpis_of(r)} for r in modes],
        "team": _kpis_of(team),
    }


def _kpis_of(row: RoutingRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in KPI_KEYS}


# -- rendering ------------------------------------------------------------------------------

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
    """'45s', '22m26s', '3h44m': always with units, so a median never reads as a clock time."""
    if seconds is None:
        return "—"
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600}h{(s % 3600) // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "first_call_median_s":
        return duration(value)
    if key.endswith("_pct"):
        return f"{value:.1f}"
    return str(value)


NOT_RECORDED = "not recorded"  # a lead whose routing mode wasn't kept


def rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a report, the team's last; the first column under "user" (a
    salesperson, or a routing mode for a report `by` routing)."""
    if "routing" in report:
        modes = [{**r, "user": r["mode"] or NOT_RECORDED} for r in report["routing"]]
        return [*modes, {"user": "team", **report["team"]}]
    return [*report["salespeople"], {"user": "team", **report["team"]}]


def _first_column(report: dict[str, Any]) -> tuple[str, str]:
    """The first column's (CSV name, table heading)."""
    return ("routing", "routing mode") if "routing" in report else ("user", "salesperson")


def as_table(report: dict[str, Any]) -> str:
    body = [[_cell(k, r.get(k)) for k, _ in COLUMNS] for r in rows(report)]
    head = [_first_column(report)[1], *(h for _, h in COLUMNS[1:])]
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


def _writer(buf: io.StringIO, excel: str | None) -> Any:
    """A csv writer; for Excel, the UTF-8 mark first, so accents and '≤' read right."""
    if excel is None:
        return csv.writer(buf, lineterminator="\n")
    buf.write("\ufeff")
    return csv.writer(buf, delimiter=EXCEL[excel][0], lineterminator="\n")


def _excel_value(value: Any, excel: str | None) -> Any:
    """A number with the locale's decimal mark, a time as Excel reads one (no 'T', no
    offset: the dealership's local time); for machines, unchanged."""
    if excel is None:
        return value
    if isinstance(value, float):
        return repr(value).replace(".", EXCEL[excel][1])
    if isinstance(value, str) and len(value) == 25 and value[10] == "T" and value[4] == "-":
        return value[:10] + " " + value[11:19]  # 2026-11-25T10:02:00+01:00
    return value


def as_csv(report: dict[str, Any], *, excel: str | None = None) -> str:
    buf = io.StringIO()
    w = _writer(buf, excel)
    w.writerow([_first_column(report)[0], *KPI_KEYS])
    for r in rows(report):
        values = ("" if r.get(k) is None else _excel_value(r[k], excel) for k in KPI_KEYS)
        w.writerow([r["user"], *values])
    return buf.getvalue()


DETAIL_COLUMNS = (
    "lead",
    "received_at",
    "customer",
    "car",
    "source",
    "owner",
    "kind",  # request, or missed_call: the customer phoned and nobody answered
    "attempts",
    "outcomes",
    "outcome",
    "lost_reason",
    "first_call_at",
    "first_call_s",
    "sla_start",
    "reached",
    "appointment",
    "sold",
    "lost",
)


def final_outcome(f: LeadFacts) -> str:
    """Where the lead ended up, in one word: sold, lost, appointment, reached, the last
    call's outcome (no_answer, voicemail…), or not_called."""
    if f.sold:
        return "sold"
    if f.lost:
        return "lost"
    if f.appointment:
        return "appointment"
    if f.reached:
        return "reached"
    return f.calls[-1][2] if f.calls else "not_called"


def _local_details(store: Store | None, lead: str) -> tuple[str, str, str]:
    """The customer's name, the car and the lead's kind (request, missed_call), from this
    PC's copy of the lead, where it has one (the team's events carry the name only)."""
    row = store.lead(lead) if store is not None else None
    if row is None:
        return "", "", ""
    from app.core.lead import stored_fields  # only for the per-lead CSV
    from app.engine.views import vehicle_of

    vehicle = vehicle_of(row.get("vehicle"))
    kind = stored_fields(row.get("extra")).kind
    return row.get("name") or "", vehicle.describe() if vehicle else "", kind


def detail_csv(
    facts: Iterable[LeadFacts], tz: Any, *, store: Store | None = None, excel: str | None = None
) -> str:
    """One row per lead: who the customer is, the car, its source and owner, the calls and
    where it ended up (DETAIL_COLUMNS)."""
    buf = io.StringIO()
    w = _writer(buf, excel)
    w.writerow(DETAIL_COLUMNS)
    for f in sorted(facts, key=lambda f: f.received_at):
        name, car, kind = _local_details(store, f.lead)
        row = {
            **f.detail_row(tz),
            "customer": f.name or name,
            "car": car,
            "kind": kind,
            "outcome": final_outcome(f),
            "lost_reason": f.lost_reason or "",
        }
        w.writerow([_excel_value(row.get(k, ""), excel) for k in DETAIL_COLUMNS])
    return buf.getvalue()


# -- the conversion reference lines -------------------------------------------------------


def conversion_lines(store: Store) -> tuple[float, float]:
    """The manager's saved lines, in %; 13% and 20% when none (or unreadable) are saved."""
    low, high = DEFAULT_LINES
    try:
        saved = json.loads(store.setting(LINES_KEY) or "{}")
        return float(saved.get("minimum", low)), float(saved.get("pays_off", high))
    except (ValueError, TypeError, AttributeError):
        log.warning("saved conversion lines unreadable; using 13%% and 20%%")
        return low, high


def save_conversion_lines(store: Store, low: float, high: float) -> None:
    store.set_setting(LINES_KEY, json.dumps({"minimum": low, "pays_off": high}))
