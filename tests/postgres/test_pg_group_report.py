"""`leadpop report` and the Team tab's branches on a group database: the leads folded in
the database (app.inbox.postgres.group_report.kpi_leads), the KPIs by the same code as on
a folder inbox, so the figures are the folder's, opening hours and call start included."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.cli.main import main
from app.core.events import make_event
from app.core.hours import OpeningHours
from app.engine import team_report
from app.inbox.folder.inbox import FolderInbox
from app.inbox.postgres.inbox import PostgresInbox

OpenPc = Callable[..., PostgresInbox]
NOW = "2026-11-25T18:00:00+01:00"
HOURS = "mo-fr 09:00-18:00, sa 09:00-17:00"


def leadpop(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def history(capsys: pytest.CaptureFixture[str], root: Path, seed: int) -> Path:
    leadpop(
        capsys,
        "demo-history",
        "--inbox",
        str(root),
        "--data-dir",
        str(root.parent / f"gen-{seed}"),
        "--seed",
        str(seed),
        "--weeks",
        "3",
        "--salespeople",
        "4",
        "--leads-per-day",
        "8",
        "--now",
        NOW,
        "--hours",
        HOURS,
    )
    return root


def call_with_start(root: Path) -> None:
    """A call logged with when Call now was pressed (`started`), 90 s after a lead landed
    in opening hours, recorded 20 min later: within 2 minutes only when counted to the
    start, in the database as on a PC."""
    hours = OpeningHours.parse(HOURS)
    inbox = FolderInbox(root, "anna", "pc-anna", watch=False)
    try:
        events = list(inbox.read_events({})[0])
        called = {e["lead"] for e in events if e["type"] == "call"}
        claim = next(
            e
            for e in events
            if e["type"] == "claimed"
            and e["lead"] not in called
            and hours.sla_start(datetime.fromisoformat(e["received_at"]))
            == datetime.fromisoformat(e["received_at"])
        )
        started = datetime.fromisoformat(claim["received_at"]) + timedelta(seconds=90)
        ev = make_event(
            "call",
            lead=claim["lead"],
            user="anna",
            host="pc-anna",
            ts=started + timedelta(minutes=20),
            attempt=1,
            outcome="no_answer",
        )
        ev["started"] = started.isoformat(timespec="seconds")
        inbox.append_event(ev)
    finally:
        inbox.close()


def report(capsys: pytest.CaptureFixture[str], inbox: str, data: Path) -> dict[str, object]:
    out = leadpop(
        capsys,
        "report",
        "--inbox",
        inbox,
        "--data-dir",
        str(data),
        "--user",
        "marco",
        "--hours",
        HOURS,
        "--since",
        "2026-11-01",
        "--until",
        "2026-11-26",
        "--format",
        "json",
    )
    return json.loads(out)


def test_report_on_the_database_equals_the_folder_report_without_reading_events(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str
) -> None:
    src = history(capsys, tmp_path / "showroom", 1)
    call_with_start(src)
    leadpop(capsys, "migrate-inbox", "--from", str(src), "--to", pg_url)
    folder = report(capsys, str(src), tmp_path / "d-folder")
    group = report(capsys, pg_url, tmp_path / "d-pg")
    assert folder["team"]["leads"] > 50  # type: ignore[index]
    assert group == folder
    # The new PC kept no store: it read no events for the figures.
    assert not list((tmp_path / "d-pg").glob("*.db"))


def test_branch_rows_are_each_branchs_own_report_and_the_group(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str, open_pc: OpenPc
) -> None:
    hours = OpeningHours.parse(HOURS)
    since = datetime.fromisoformat("2026-11-01T00:00:00+01:00")
    until = datetime.fromisoformat("2026-11-26T00:00:00+01:00")
    reports = {}
    for seed, branch in ((1, "utrecht"), (2, "amersfoort")):
        src = history(capsys, tmp_path / branch, seed)
        url = f"{pg_url}?branch={branch}"
        leadpop(capsys, "migrate-inbox", "--from", str(src), "--to", url)
        reports[branch] = report(capsys, str(src), tmp_path / f"d-{branch}")
    pc = open_pc("marco", "pc-office")
    assert isinstance(pc, team_report.FoldsInDatabase)
    assert pc.branches() == ["amersfoort", "utrecht"]
    rows = team_report.branch_rows(team_report.database_leads(pc, hours, since, until))
    assert [r.branch for r in rows] == ["amersfoort", "utrecht", None]
    for row in rows[:-1]:
        team = reports[row.branch]["team"]  # type: ignore[index]
        assert {k: getattr(row, k) for k in team} == team  # type: ignore[union-attr]
        mine = team_report.database_report(pc, hours, since, until, branch=row.branch)
        assert mine["team"] == team
    assert rows[-1].is_group
    assert rows[-1].leads == sum(r.leads for r in rows[:-1])
