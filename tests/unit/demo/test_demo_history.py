"""`leadpop demo-history`: realistic, reproducible team history in a folder inbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.events import decode_event
from app.core.fold import fold_events
from app.core.hours import OpeningHours
from app.core.kpi import team_report
from app.demo.history import SCALE, fill
from app.intake import parse_file

NOW = datetime(2026, 11, 25, 9, 12, tzinfo=UTC)  # a Wednesday, 10:12 in Amsterdam
HOURS = OpeningHours.parse()


def events(root: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted((root / "activity").glob("*.jsonl")):
        for line in path.read_bytes().splitlines(keepends=True):
            event = decode_event(line)
            assert event is not None, f"unreadable line in {path.name}"
            out.append(event)
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "inbox"
    fill(root, now=NOW, hours=HOURS, seed=3)
    return root


def test_same_seed_same_history(tmp_path: Path, demo: Path) -> None:
    again = tmp_path / "again"
    fill(again, now=NOW, hours=HOURS, seed=3)
    for path in (demo / "activity").iterdir():
        assert (again / "activity" / path.name).read_bytes() == path.read_bytes()
    other = tmp_path / "other"
    fill(other, now=NOW, hours=HOURS, seed=4)
    assert (other / "activity").glob("*.jsonl") != (demo / "activity").glob("*.jsonl")
    assert {p.read_bytes() for p in (other / "activity").iterdir()} != {
        p.read_bytes() for p in (demo / "activity").iterdir()
    }


def test_each_pc_writes_its_own_file_and_nothing_lies_ahead(demo: Path) -> None:
    log = events(demo)
    assert len({e["id"] for e in log}) == len(log)
    assert max(datetime.fromisoformat(e["ts"]) for e in log) <= NOW
    for path in (demo / "activity").iterdir():
        hosts = {json.loads(line)["host"] for line in path.read_text().splitlines()}
        assert len(hosts) == 1 and path.stem.endswith("@" + hosts.pop())


def test_the_team_looks_like_a_real_one(demo: Path) -> None:
    log = events(demo)
    facts = fold_events(log, HOURS)
    since, until = NOW - timedelta(weeks=7), NOW
    report = team_report(facts.values(), since, until)
    team, people = report["team"], {r["user"]: r for r in report["salespeople"]}
    assert len(people) == 6 and 400 <= team["leads"] <= 650
    assert 20 <= 100 * team["appointment_pct"] / team["reached_pct"] <= 35
    assert 10 <= team["sold_pct"] <= 25
    within = sorted(r["within_2min_pct"] for r in people.values())
    assert within[0] < 10 and within[-1] > 60  # slow and fast callers
    assert min(r["three_attempts_pct"] for r in people.values()) < 20  # some give up early
    received = [f.received_at for f in facts.values()]
    inside = sum(1 for r in received if HOURS.is_open(r))
    assert 0.6 < inside / len(received) < 0.95  # mostly opening hours, some evenings/Sundays
    types = {e["type"] for e in log}
    assert types == {"claimed", "call", "sold", "lost", "released", "dismissed"}


def test_waiting_and_open_leads_are_real_documents(demo: Path) -> None:
    waiting = sorted((demo / "new").iterdir())
    assert len(waiting) == 3
    ages = sorted((NOW.timestamp() - p.stat().st_mtime) for p in waiting)
    assert ages == [25, 95, 200]
    for path in waiting:
        assert parse_file(path).phone is not None
    claimed = list((demo / "claimed").glob("*/*.json"))
    assert claimed
    docs = {e["doc"] for e in events(demo) if e["type"] == "claimed"}
    assert {p.name for p in claimed} <= docs


def test_refuses_an_inbox_with_history(demo: Path) -> None:
    with pytest.raises(FileExistsError):
        fill(demo, now=NOW, hours=HOURS)


def test_a_big_group_for_the_benchmark(tmp_path: Path) -> None:
    size = {**SCALE, "weeks": 1}
    summary = fill(tmp_path / "big", now=NOW, hours=HOURS, **size)
    assert summary.salespeople == 40
    per_day = summary.leads / 7
    assert 0.8 * SCALE["leads_per_day"] < per_day < 1.2 * SCALE["leads_per_day"]
    assert 4 <= summary.events / summary.leads <= 6  # ≈ 250,000 events for 50,000 leads


def leadpop(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADPOP_")}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_the_command(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    common = ["--inbox", str(inbox), "--now", "2026-11-25T10:12:00", "--weeks", "2"]
    proc = leadpop("demo-history", *common, "--salespeople", "3", "--leads-per-day", "5")
    assert proc.returncode == 0, proc.stderr
    assert "3 salespeople, 2 weeks" in proc.stdout
    assert len(list((inbox / "activity").glob("*.jsonl"))) >= 3
    again = leadpop("demo-history", *common)
    assert again.returncode == 1 and again.stderr.startswith("error: ")
    assert "Traceback" not in again.stderr and len(again.stderr.strip().splitlines()) == 1
    bad = leadpop("demo-history", "--inbox", str(tmp_path / "x"), "--salespeople", "99")
    assert bad.returncode == 1 and "salespeople" in bad.stderr
