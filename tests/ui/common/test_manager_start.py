"""A manager starts on the Team tab, not on an empty "My leads"."""

from __future__ import annotations

from pathlib import Path

from app.core.clock import FakeClock
from app.core.enums import Role
from app.settings.prefs import Prefs, prefs_path
from tests.ui.conftest import NOW
from tests.ui.shell_harness import App, config


def test_a_manager_starts_on_the_team_tab(qtbot, tmp_path: Path):
    inbox = tmp_path / "inbox"
    for sub in ("new", "claimed", "activity"):
        (inbox / sub).mkdir(parents=True)
    cfg = config(tmp_path, inbox, "marco")
    cfg.data_dir.mkdir(parents=True)
    prefs_path(cfg.data_dir).write_text(Prefs(role=Role.MANAGER).to_json(), encoding="utf-8")
    app = App(qtbot, cfg, FakeClock(NOW)).start()
    try:
        tab = app.shell.team_tab
        assert tab is not None
        assert app.window.tabs.currentWidget() is tab
    finally:
        app.close()
