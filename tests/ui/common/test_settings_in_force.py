"""Settings shows the hours in force: the command line's, or the demo's, not the defaults."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.clock import FakeClock
from app.settings.config import resolve, with_demo_hours
from app.settings.prefs import Prefs
from app.ui.common.settings_dialog import SettingsDialog
from tests.ui.shell_harness import App


def shell_app(qtbot, tmp_path: Path, *, hours: str | None = None, demo: bool = False) -> App:
    clock = FakeClock(datetime(2026, 11, 26, 3, 22, tzinfo=ZoneInfo("Europe/Amsterdam")))
    (tmp_path / "inbox").mkdir(exist_ok=True)
    cfg = resolve(data_dir=str(tmp_path / "data"), user="piet", hours=hours, env={})
    cfg.inbox, cfg.host = str(tmp_path / "inbox"), "pc-piet"
    if demo:
        cfg = with_demo_hours(cfg)
    return App(qtbot, cfg, clock, demo=demo).start()


def dialog_for(qtbot, app: App, saved_hours: str | None = None) -> SettingsDialog:
    if saved_hours:
        app.shell.prefs = dataclasses.replace(Prefs(), hours=saved_hours)
    dialog = SettingsDialog(app.shell.settings_values())
    qtbot.addWidget(dialog)
    return dialog


def test_hours_always_on_the_command_line_show_as_always(qtbot, tmp_path):
    app = shell_app(qtbot, tmp_path, hours="always")
    try:
        dialog = dialog_for(qtbot, app, saved_hours="mo-fr 10:00-16:00")
    finally:
        app.close()
    assert dialog.hours.text() == "always" and not dialog.hours.isEnabled()
    # Saving keeps the person's own hours for when they start without --hours.
    assert dialog.values()["hours"] == "mo-fr 10:00-16:00"


def test_the_demo_shows_its_round_the_clock_hours_and_does_not_save_them(qtbot, tmp_path):
    app = shell_app(qtbot, tmp_path, demo=True)
    try:
        dialog = dialog_for(qtbot, app)
    finally:
        app.close()
    assert dialog.hours.text() == "always" and dialog.hours.isEnabled()
    assert dialog.values()["hours"] is None  # untouched: not the person's choice
    dialog.hours.setText("mo-fr 09:00-18:00")
    assert dialog.values()["hours"] == "mo-fr 09:00-18:00"  # chosen: saved, even the default


def test_dutch_settings_write_the_hours_in_dutch_and_keep_them_unchosen(qtbot):
    from PySide6.QtCore import QLocale

    from app.ui import i18n

    before = QLocale()
    QLocale.setDefault(i18n.locale_for("nl"))
    try:
        dialog = SettingsDialog({"name": "piet"})
        qtbot.addWidget(dialog)
        always = SettingsDialog({"name": "piet", "hours": "always"})
        qtbot.addWidget(always)
    finally:
        QLocale.setDefault(before)
    assert dialog.hours.text() == "ma-vr 09:00-18:00, za 09:00-17:00"  # not "mo-fr"
    assert dialog.values()["hours"] is None  # the default, in Dutch words: still not chosen
    assert always.hours.text() == "altijd"
