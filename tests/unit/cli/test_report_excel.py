"""`leadpop report --format csv [--detail] --excel nl|en`: what Excel in that language opens,
and a per-lead CSV a manager can read (customer, car, source, owner, attempts, outcome)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.cli import main as cli
from app.core.clock import FakeClock
from tests.showroom import Showroom, lead_doc
from tests.unit.cli.test_cli import _activity

COMMON = ["--since", "2026-11-23", "--until", "2026-11-30"]


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LEADPOP_INBOX", "LEADPOP_HOURS", "LEADPOP_USER", "LEADPOP_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def report(capsys, tmp_path: Path, *extra: str) -> str:
    inbox = tmp_path / "inbox"
    if not inbox.exists():
        _activity(inbox)
    argv = ["report", "--inbox", str(inbox), "--data-dir", str(tmp_path / "data"), *COMMON]
    assert cli.main([*argv, "--format", "csv", *extra]) == 0
    return capsys.readouterr().out


def test_dutch_excel_gets_semicolons_and_decimal_commas(capsys, tmp_path: Path):
    text = report(capsys, tmp_path, "--excel", "nl")
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    head, team = rows[0], rows[-1]
    assert head[0] == "user" and team[0] == "team"
    assert team[head.index("within_2min_pct")] == "50,0"


def test_english_excel_and_machines_get_commas_and_decimal_points(capsys, tmp_path: Path):
    english = report(capsys, tmp_path, "--excel", "en")
    machine = report(capsys, tmp_path)
    assert english == "\ufeff" + machine  # the same, with the mark that says UTF-8
    team = list(csv.DictReader(io.StringIO(machine)))[-1]
    assert team["within_2min_pct"] == "50.0"


def test_the_per_lead_csv_names_customer_source_owner_attempts_and_outcome(capsys, tmp_path):
    rows = list(csv.DictReader(io.StringIO(report(capsys, tmp_path, "--detail"))))
    got = [(r["customer"], r["source"], r["owner"], r["attempts"], r["outcome"]) for r in rows]
    assert got == [
        ("Jan", "website", "anna", "1", "appointment"),
        ("Els", "autoscout24", "bram", "0", "not_called"),
    ]
    assert list(rows[0])[:6] == ["lead", "received_at", "customer", "car", "source", "owner"]


def test_the_per_lead_csv_for_excel_has_local_times_excel_reads(capsys, tmp_path: Path):
    text = report(capsys, tmp_path, "--detail", "--excel", "nl")
    row = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert row["received_at"] == "2026-11-25 10:00:00"


def test_the_car_comes_from_this_pcs_copy_of_the_lead(tmp_path: Path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.engine import team_report

    clock = FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    root = tmp_path / "inbox"
    root.mkdir()
    team = Showroom(root, clock, hours="always")
    try:
        anna = team.desk("anna")
        team.drop(lead_doc("Jan Jansen"), "a.json")
        anna.poll()
        [lead] = anna.alertable()
        anna.claim(lead.id)
        anna.sync_events()
        since, until = (
            datetime(2026, 11, 23, tzinfo=clock.now().tzinfo),
            clock.now().replace(hour=23),
        )
        text = team_report.report_text(
            anna.store, anna.config.hours, "csv", since, until, detail=True
        )
    finally:
        team.close()
    [row] = csv.DictReader(io.StringIO(text))
    assert (row["customer"], row["car"], row["owner"]) == (
        "Jan Jansen",
        "Volkswagen Golf 2021",
        "anna",
    )


def test_excel_without_csv_is_an_error(capsys, tmp_path: Path):
    assert cli.main(["report", "--data-dir", str(tmp_path), "--excel", "nl"]) == 1
    assert "--format csv" in capsys.readouterr().err
