"""The Settings dialog shows the routing mode and the closed days: IT's, read-only."""

from __future__ import annotations

import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QTranslator

from app.settings.config import resolve
from app.settings.deployed import Deployed
from app.ui.common.settings_dialog import SettingsDialog

TS = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "leadpop_nl.ts"


def dialog_for(qtbot, tmp_path: Path, **values: object) -> SettingsDialog:
    cfg = resolve(
        inbox=str(tmp_path / "inbox"),
        data_dir=str(tmp_path / "data"),
        env={},
        deployed=Deployed(values=values),
    )
    dialog = SettingsDialog({"name": "piet", "signin_config": cfg})
    qtbot.addWidget(dialog)
    return dialog


def test_a_rollout_by_priority_and_the_closed_days_as_it_deployed_them(qtbot, tmp_path: Path):
    dialog = dialog_for(
        qtbot,
        tmp_path,
        routing="rollout",
        offer_seconds=20,
        offer_order="priority",
        priority="Sanne, Bram",
        manager_alert_min=15,
        closed_days="nl, 2026-12-24",
    )
    assert dialog.routing.text() == (
        "One salesperson at a time, 20 s each (by priority: Sanne, Bram), then everyone; "
        "the manager's screen too after 15 min"
    )
    assert dialog.closed_days.text() == "nl, 2026-12-24"
    assert dialog.routing.toolTip() == "Set by your IT department"
    assert not {"routing", "closed_days"} & set(dialog.values())  # nothing the person saves


def test_everyone_at_once_without_it(qtbot, tmp_path: Path):
    dialog = dialog_for(qtbot, tmp_path)
    assert dialog.routing.text() == "Everyone at once; the manager's screen too after 10 min"
    assert dialog.closed_days.text() == "Only the opening hours"


def test_in_dutch(qtbot, tmp_path: Path):
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    qm = tmp_path / "leadpop_nl.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = dialog_for(qtbot, tmp_path, routing="round_robin", offer_seconds=45)
        assert dialog.routing.text() == (
            "Elke lead 45 s naar de volgende verkoper, daarna iedereen; "
            "na 10 min ook het scherm van de verkoopmanager"
        )
        assert dialog.closed_days.text() == "Alleen de openingstijden"
    finally:
        QCoreApplication.removeTranslator(translator)
