"""The Settings dialog shows how long customers' data is kept: IT's policy, read-only."""

from __future__ import annotations

from pathlib import Path

from app.settings.config import resolve
from app.settings.deployed import Deployed
from app.ui.common.settings_dialog import SettingsDialog


def test_the_retention_is_shown_as_it_deployed_it_and_is_not_the_persons(qtbot, tmp_path: Path):
    cfg = resolve(
        inbox=str(tmp_path / "inbox"),
        data_dir=str(tmp_path / "data"),
        env={},
        deployed=Deployed(values={"retention_months": 12}),
    )
    dialog = SettingsDialog({"name": "piet", "signin_config": cfg})
    qtbot.addWidget(dialog)
    assert dialog.retention.text() == "12 months after a lead's last activity"
    assert dialog.retention.toolTip() == "Set by your IT department"
    assert "retention_months" not in dialog.values()  # nothing the person saves


def test_the_built_in_retention_without_it(qtbot):
    dialog = SettingsDialog({"name": "piet"})
    qtbot.addWidget(dialog)
    assert dialog.retention.text() == "24 months after a lead's last activity"
