"""The demo at night: the first thing a newcomer sees must be the alert, not an empty window."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.cli import main as cli
from app.settings.config import Config, resolve, with_demo_hours
from app.settings.deployed import Deployed

AMS = ZoneInfo("Europe/Amsterdam")
NIGHT = datetime(2026, 11, 26, 3, 22, tzinfo=AMS)  # a Thursday, long before opening


def started_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *argv: str) -> Config:
    """What `leadpop [argv]` would hand the desktop app (Qt itself is not started)."""
    seen: list[Config] = []

    def fake_run(cfg: Config, demo: bool = False, lang: str | None = None) -> int:
        seen.append(cfg)
        return 0

    import app.ui.app

    monkeypatch.setattr(app.ui.app, "run", fake_run)
    for name in ("LEADPOP_INBOX", "LEADPOP_HOURS", "LEADPOP_USER"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["--data-dir", str(tmp_path), *argv]) == 0
    (cfg,) = seen
    return cfg


def test_the_demo_runs_around_the_clock_so_a_night_lead_alerts_at_once(monkeypatch, tmp_path):
    cfg = started_app(monkeypatch, tmp_path, "--demo")
    assert cfg.demo_hours and cfg.hours.always
    assert cfg.hours.sla_start(NIGHT) == NIGHT  # the countdown runs now, not at 09:00


def test_the_embedded_inbox_without_demo_keeps_the_real_hours(monkeypatch, tmp_path):
    # A manager's demo-history inbox is the embedded one too: no demo unless asked for.
    cfg = started_app(monkeypatch, tmp_path)
    assert cfg.embedded_inbox and not cfg.demo_hours and not cfg.hours.always


def test_hours_given_on_the_command_line_are_kept(monkeypatch, tmp_path):
    cfg = started_app(monkeypatch, tmp_path, "--demo", "--hours", "mo-fr 08:00-17:00")
    assert not cfg.demo_hours and not cfg.hours.always
    assert cfg.hours.sla_start(NIGHT).hour == 8


def test_hours_deployed_by_it_are_kept(tmp_path):
    deployed = Deployed(values={"hours": "mo-sa 09:00-17:00"})
    base = resolve(data_dir=str(tmp_path), env={}, deployed=deployed)
    assert with_demo_hours(base).hours.always is False


def test_a_shared_inbox_without_demo_keeps_the_real_hours(monkeypatch, tmp_path):
    cfg = started_app(monkeypatch, tmp_path, "--inbox", str(tmp_path / "share"))
    assert not cfg.demo_hours and not cfg.hours.always
