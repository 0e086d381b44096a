"""The Settings dialog shows the registry's settings: its fields, defaults and greyed-out ones."""

from __future__ import annotations

from app.core.enums import Role
from app.settings import registry
from app.ui.common.settings_dialog import SettingsDialog


def test_the_dialog_has_a_field_for_every_setting_the_registry_shows(qtbot):
    dialog = SettingsDialog({"name": "piet"})
    qtbot.addWidget(dialog)
    assert list(dialog.fields) == [s.key for s in registry.SHOWN]
    assert set(dialog.values()) == {s.key for s in registry.SHOWN}


def test_unset_fields_show_the_built_in_defaults_and_come_back_as_not_chosen(qtbot):
    dialog = SettingsDialog({"name": "piet"})
    qtbot.addWidget(dialog)
    built_in = registry.BY_KEY
    assert dialog.hours.text() == built_in["hours"].default
    assert dialog.region.currentText() == built_in["region"].default
    assert dialog.second.value() == built_in["second_after_min"].default
    assert dialog.third.maximum() == registry.MAX_MINUTES
    values = dialog.values()
    assert values["role"] == Role.SALESPERSON and values["sound"] is True
    assert [values[s.key] for s in registry.SHOWN if s.it] == [None] * 6  # IT's would apply


def test_what_the_command_line_or_it_set_is_greyed_out(qtbot):
    dialog = SettingsDialog(
        {
            "name": "piet",
            "fixed": ["name", "hours"],
            "locked": ["hours", "language", "timezone"],  # hours: the command line wins
        }
    )
    qtbot.addWidget(dialog)
    assert not dialog.name.isEnabled() and not dialog.hours.isEnabled()
    assert dialog.hours.toolTip() != "Set by your IT department"
    assert not dialog.language.isEnabled()
    assert dialog.language.toolTip() == "Set by your IT department"
    assert dialog.region.isEnabled() and dialog.inbox.isEnabled() and dialog.browse.isEnabled()
    assert dialog.fixed_note.text().splitlines() == [
        "Set on the command line (--user, --hours); change it there.",
        "The greyed-out settings are set by your IT department.",
    ]
