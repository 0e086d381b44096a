"""About Leadpop (version and where things are, for IT), and IT's locked settings in the UI."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QGuiApplication
from shell_harness import App
from ts_catalogue import from_code, messages, problems, translated

from app import __version__
from app.core.clock import FakeClock
from app.settings.config import resolve
from app.settings.deployed import Deployed
from app.ui.common.about_dialog import AboutDialog, AboutInfo
from app.ui.common.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "packaging_nl.ts"
INFO = AboutInfo(
    version="1.2.3",
    data_dir="/home/piet/.local/share/Leadpop",
    inbox=r"\\server\leads",
    log_file="/home/piet/.local/state/Leadpop/log/leadpop.log",
    settings_file="/home/piet/.config/Leadpop/settings.json",
    it_files=("/etc/leadpop/leadpop.toml",),
    locked=("inbox",),
)


@pytest.fixture(autouse=True)
def _own_autostart_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def test_the_dialog_shows_where_everything_is_and_copies_it(qtbot):
    dialog = AboutDialog(INFO)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "About Leadpop"
    shown = [label.text() for label in dialog.values]
    assert shown == [
        INFO.data_dir,
        INFO.inbox,
        INFO.log_file,
        INFO.settings_file,
        "/etc/leadpop/leadpop.toml",
        "Lead inbox",
    ]
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == (
        "Leadpop 1.2.3\n"
        "Data folder: /home/piet/.local/share/Leadpop\n"
        "Lead inbox: \\\\server\\leads\n"
        "Log file: /home/piet/.local/state/Leadpop/log/leadpop.log\n"
        "Your settings: /home/piet/.config/Leadpop/settings.json\n"
        "IT settings: /etc/leadpop/leadpop.toml\n"
        "Set by IT: Lead inbox\n"
    )
    assert dialog.copy_button.text() == "Copied"
    dialog.close()
    assert not dialog.findChild(type(dialog._copied), "about-copied").isActive()


def test_without_a_log_file_or_it_settings_it_says_so(qtbot):
    dialog = AboutDialog(AboutInfo("1.0", "/d", "/d/inbox", None, "/d/settings.json"))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.values]
    assert texts[2] == "none (the folder can't be written)"
    assert texts[4] == "none (no leadpop.toml)"
    assert len(texts) == 5  # no "Set by IT" row


def shell_app(qtbot, tmp_path: Path, deployed: Deployed) -> App:
    clock = FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    (tmp_path / "inbox").mkdir(exist_ok=True)
    cfg = resolve(data_dir=str(tmp_path / "data"), user="piet", env={}, deployed=deployed)
    cfg.inbox, cfg.host = str(tmp_path / "inbox"), "pc-piet"  # a folder this test can use
    return App(qtbot, cfg, clock).start()


def test_the_main_window_opens_about_with_this_pcs_facts(qtbot, tmp_path, monkeypatch):
    deployed = Deployed(
        values={"hours": "always", "region": "BE"},
        locked=frozenset({"hours"}),
        sources=(tmp_path / "etc" / "leadpop.toml",),
    )
    shown: list[AboutInfo] = []

    def show_for(cls, parent, info, icon=None) -> None:
        shown.append(info)

    monkeypatch.setattr(AboutDialog, "show_for", classmethod(show_for))
    app = shell_app(qtbot, tmp_path, deployed)
    try:
        assert app.window.about_action.text() == "About Leadpop"
        app.window.about_action.trigger()
        (info,) = shown
        assert info.version == __version__
        assert info.data_dir == str(tmp_path / "data")
        assert info.inbox == str(tmp_path / "inbox")
        assert info.settings_file == str(tmp_path / "data" / "settings.json")
        assert info.log_file is None or info.log_file.endswith("leadpop.log")
        assert info.it_files == (str(tmp_path / "etc" / "leadpop.toml"),)
        assert info.locked == ("hours",)
    finally:
        app.close()


def test_locked_settings_are_greyed_out_with_a_reason(qtbot, tmp_path):
    deployed = Deployed(
        values={"hours": "ma-vr 08:00-17:00", "region": "BE", "second_after_min": 10},
        locked=frozenset({"hours", "second_after_min"}),
    )
    app = shell_app(qtbot, tmp_path, deployed)
    try:
        values = app.shell.settings_values()
    finally:
        app.close()
    assert values["locked"] == ["hours", "second_after_min"]
    assert values["fixed"] == ["name"]  # --user
    dialog = SettingsDialog(values)
    qtbot.addWidget(dialog)
    for widget in (dialog.hours, dialog.second):
        assert not widget.isEnabled() and widget.toolTip() == "Set by your IT department"
    assert dialog.hours.text() == "ma-vr 08:00-17:00" and dialog.second.value() == 10
    assert dialog.region.isEnabled() and dialog.region.currentText() == "BE"
    assert "set by your IT department" in dialog.fixed_note.text()
    # Untouched, IT's values are not saved as the person's own: a later change by IT counts.
    got = dialog.values()
    assert (got["hours"], got["region"], got["second_after_min"], got["third_after_min"]) == (
        None,
        None,
        None,
        None,
    )
    dialog.region.setCurrentText("DE")
    assert dialog.values()["region"] == "DE"


# -- Dutch -----------------------------------------------------------------------------------


def test_the_dutch_catalogue_is_complete_and_up_to_date(tmp_path):
    code = from_code([ROOT / "app" / "ui" / "common" / "about_dialog.py"], tmp_path)
    assert set(code) == set(messages(TS))
    assert problems(TS) == []


def test_the_dialog_speaks_dutch(qtbot, tmp_path):
    with translated(TS, tmp_path):
        dialog = AboutDialog(INFO)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Over Leadpop"
        assert dialog.copy_button.text() == "Gegevens kopiëren"
        assert dialog.findChild(type(dialog.values[0]), "about-version").text() == "Versie 1.2.3"
