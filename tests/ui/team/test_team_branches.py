"""The Team tab on a group database: the branch filter and the group view (a row per
branch and the group's), against a real PostgreSQL; on a folder inbox, neither shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.core.clock import FakeClock
from app.core.enums import PeriodKey
from app.engine.team_desk import PeriodView
from app.inbox.postgres.inbox import PostgresInbox
from app.settings.config import Config, resolve
from app.ui.team.team_tab import TeamTab
from tests.postgres.conftest import (  # noqa: F401  (fixtures)
    _no_system_secrets,
    pg_url,
    postgres,
    postgres_server,
)

NOW = datetime.fromisoformat("2026-11-25T18:00:00+01:00")
NEVER_MS = 3_600_000


def leadpop(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.fixture
def group(capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str) -> dict[str, Any]:  # noqa: F811
    """Two branches' histories migrated into one database; each branch's own report."""
    reports = {}
    for seed, branch in ((3, "utrecht"), (4, "amersfoort")):
        src = tmp_path / branch
        common = ("--data-dir", str(tmp_path / f"d-{branch}"), "--user", "marco")
        leadpop(capsys, "demo-history", "--inbox", str(src), *common, "--seed", str(seed),
                "--weeks", "2", "--salespeople", "3", "--leads-per-day", "6",
                "--now", NOW.isoformat())  # fmt: skip
        leadpop(capsys, "migrate-inbox", "--from", str(src), "--to", f"{pg_url}?branch={branch}")
        out = leadpop(capsys, "report", "--inbox", str(src), *common, "--format", "json",
                      "--since", "2026-11-01", "--until", "2026-12-01")  # fmt: skip
        reports[branch] = json.loads(out)
    return reports


def manager(tmp_path: Path, inbox: str) -> Config:
    cfg = resolve(inbox=inbox, data_dir=str(tmp_path / "data-marco"), user="marco", env={})
    cfg.host = "pc-office"
    return cfg


@pytest.fixture
def tab(qtbot: Any, tmp_path: Path, pg_url: str, group: dict[str, Any]) -> Iterator[TeamTab]:  # noqa: F811
    cfg = manager(tmp_path, pg_url)

    def inbox(c: Config) -> PostgresInbox:
        return PostgresInbox(c.inbox, c.user, c.host, watch=False)

    t = TeamTab(cfg, FakeClock(NOW), None, inbox_factory=inbox, refresh_ms=NEVER_MS)
    qtbot.addWidget(t)
    t.set_period(PeriodKey.MONTH)
    with qtbot.waitSignal(t.period_shown, timeout=20_000):
        t.start()
    t.pages.setCurrentIndex(1)
    t.show()
    yield t
    t.stop()


def rows(table: Any) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_group_view_has_a_row_per_branch_and_the_filter_shows_one_branch(
    qtbot: Any, tab: TeamTab, group: dict[str, Any]
) -> None:
    assert tab.view is not None and tab.view.has_branches
    assert tab.branch_table.isVisibleTo(tab) and tab.branch_combo.isVisibleTo(tab)
    shown = rows(tab.branch_table)
    assert [r[0] for r in shown] == ["Amersfoort", "Utrecht", "Group"]
    for r, branch in zip(shown, ("amersfoort", "utrecht"), strict=False):
        team = group[branch]["team"]
        assert r[1] == str(team["leads"])
        assert r[-1] == f"{team['sold_pct']:.1f}%"
    assert int(shown[2][1]) == sum(g["team"]["leads"] for g in group.values())
    combo = tab.branch_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All branches",
        "Amersfoort",
        "Utrecht",
    ]

    with qtbot.waitSignal(tab.period_shown, timeout=20_000) as blocker:
        tab.set_branch("utrecht")
    view: PeriodView = blocker.args[0]
    assert view.branch == "utrecht"
    assert view.report["team"] == group["utrecht"]["team"]
    people = rows(tab.kpi_table)
    assert [r[0] for r in people] == [
        *(p["user"] for p in group["utrecht"]["salespeople"]),
        "Utrecht",
    ]
    assert tab.branch_table.isVisibleTo(tab)  # the group stays in view beside the branch

    with qtbot.waitSignal(tab.period_shown, timeout=20_000) as blocker:
        tab.set_branch(None)
    assert blocker.args[0].branch is None
    assert rows(tab.kpi_table)[-1][0] == "Team"


def test_a_folder_inbox_is_one_branch_without_filter_or_group_view(
    qtbot: Any, tmp_path: Path
) -> None:
    root = tmp_path / "inbox"
    for sub in ("new", "claimed", "activity"):
        (root / sub).mkdir(parents=True)
    t = TeamTab(manager(tmp_path, str(root)), FakeClock(NOW), None, refresh_ms=NEVER_MS)
    qtbot.addWidget(t)
    with qtbot.waitSignal(t.period_shown, timeout=10_000):
        t.start()
    try:
        t.pages.setCurrentIndex(1)
        t.show()
        assert t.view is not None and not t.view.has_branches
        assert [r.is_group for r in t.view.branches] == [True]
        assert not t.branch_combo.isVisibleTo(t) and not t.branch_table.isVisibleTo(t)
    finally:
        t.stop()
