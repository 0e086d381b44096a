"""The settings registry: each setting declared once, and what is derived from it agrees
with the README, leadpop.toml, settings.json and the command line."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from app.core.enums import Role
from app.settings import registry
from app.settings.config import command_line
from app.settings.deployed import KEYS, LOCKABLE, parse
from app.settings.prefs import PREFS_VERSION, UPGRADES, Prefs, upgrade

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_table(heading: str) -> list[list[str]]:
    """The rows of the first table under a README heading, as cells."""
    text = README.read_text(encoding="utf-8")
    section = text.split(heading + "\n", 1)[1]
    section = re.split(r"\n#{2,3} ", section, maxsplit=1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def first_code(cell: str) -> str:
    return re.findall(r"`([^`]+)`", cell)[0]


def test_the_readme_lists_every_key_it_may_deploy_and_who_may_change_it():
    rows = readme_table("### Settings IT deploys: leadpop.toml")
    listed = {first_code(row[0]): row for row in rows}
    assert set(listed) == {*KEYS, "locked"}  # a new key needs its row; a gone one, none
    for s in registry.DEPLOYED:
        key_cell, *_, person = listed[s.key]
        assert person == ("yes" if s.person else "no"), s.key
        assert ("[" in key_cell) == bool(s.table) and (s.table or "") in key_cell, s.key


def test_the_readme_lists_every_option_and_variable():
    rows = readme_table("## Configuration")
    listed = {(first_code(row[0]), first_code(row[1])) for row in rows}
    assert listed == {(s.flag, s.env) for s in registry.SETTINGS if s.cli}


def test_one_declaration_gives_the_toml_key_the_saved_field_and_the_option():
    assert set(LOCKABLE) == {*KEYS, "cadence"}
    fields = {f.name: f.default for f in dataclasses.fields(Prefs)}
    assert fields == {s.key: s.saved_default for s in registry.PERSONAL}
    assert fields["role"] == Role.SALESPERSON and fields["hours"] is None  # IT's applies
    assert {s.key for s in registry.SHOWN} <= fields.keys()  # the dialog edits saved settings
    assert [s.key for s in registry.OVERRIDES] == ["name", "inbox", "hours"]


def test_leadpop_toml_and_settings_json_check_a_value_the_same_way():
    values, _, problems = parse(b'region = "be"\nlanguage = "fr"\n')
    assert values == {"region": "BE"} and problems == [
        "leadpop.toml: language: must be 'nl' or 'en'; ignored"
    ]
    saved = Prefs.from_json(json.dumps({"region": "be", "language": "fr"}))
    assert (saved.region, saved.language) == ("BE", None)
    assert Prefs.from_json('{"second_after_min": 1441}').second_after_min is None
    assert Prefs.from_json('{"role": "manager"}').role is Role.MANAGER


def test_the_command_line_and_environment_by_key():
    env = {"LEADPOP_INBOX": "/mnt", "LEADPOP_USER": "anna", "LEADPOP_DATA_DIR": "/d"}
    given = command_line({"inbox": "/srv/leads", "hours": " "}, env)
    # An option wins over its variable; blanks count as not given.
    assert given == {"inbox": "/srv/leads", "name": "anna", "data_dir": "/d"}


# -- settings.json versions ------------------------------------------------------------------

# settings.json exactly as Leadpop writes it today (version 1).
VERSION_1 = (
    '{"version": 1, "name": "Sanne Bakker", "role": "manager", "inbox": "/mnt/leads",'
    ' "region": "BE", "hours": "ma-vr 08:30-18:00", "second_after_min": 10,'
    ' "third_after_min": null, "sound": false, "language": "en", "autostart": true,'
    ' "manager_alert": false}\n'
)


def test_a_version_1_file_reads_as_it_was_written():
    assert Prefs.from_json(VERSION_1) == Prefs(
        name="Sanne Bakker",
        role=Role.MANAGER,
        inbox="/mnt/leads",
        region="BE",
        hours="ma-vr 08:30-18:00",
        second_after_min=10,
        sound=False,
        language="en",
        autostart=True,
        manager_alert=False,
    )
    written = json.loads(Prefs.from_json(VERSION_1).to_json())
    # Written back the same, with the keys added since (unset: null).
    assert written == {**json.loads(VERSION_1), "window_size": None, "last_tab": None}


def test_every_older_version_has_an_upgrade_step():
    assert set(UPGRADES) == set(range(1, PREFS_VERSION))


def test_upgrades_run_in_order_from_the_files_version():
    def rename(d):  # e.g. a key renamed in version 2
        d["hours"] = d.pop("opening")
        return d

    steps = {1: rename, 2: lambda d: {**d, "sound": d["sound"] == "on"}}  # retyped in 3
    old = {"version": 1, "opening": "always", "sound": "on"}
    assert upgrade(old, steps=steps, to=3) == {"version": 3, "hours": "always", "sound": True}
    assert upgrade({"version": 2, "sound": "off"}, steps=steps, to=3)["sound"] is False
    assert upgrade({"sound": "on", "opening": "x"}, steps=steps, to=3)["hours"] == "x"  # no version


def test_a_file_from_a_newer_leadpop_gives_what_this_one_knows(caplog):
    newer = json.dumps({"version": PREFS_VERSION + 1, "name": "Piet", "colour": "red"})
    with caplog.at_level("INFO"):
        assert Prefs.from_json(newer) == Prefs(name="Piet")
    assert "newer Leadpop" in caplog.text


@pytest.mark.parametrize("setting", registry.SETTINGS, ids=lambda s: s.key)
def test_every_default_passes_its_own_check(setting):
    if setting.default is not None:
        assert setting.check(setting.default) == setting.default
