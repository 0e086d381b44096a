"""IT's leadpop.toml: where it is found, what it may set and lock, and the precedence
command line > locked by IT > the person's settings > IT's defaults > built-in."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import main as cli
from app.core.hours import DEFAULT_HOURS
from app.settings.config import resolve
from app.settings.deployed import Deployed, load, parse, search_paths
from app.settings.prefs import MOVED_KEY, PREFS_KEY, Prefs, PrefsFile, apply, defaults, language
from app.store import Store

IT_FILE = """
inbox = '\\\\server\\leads'
hours = "ma-vr 08:30-18:00, za 09:00-16:00"
timezone = "Europe/Brussels"
region = "be"
language = "nl"
locked = ["inbox", "cadence"]

[cadence]
second_after_min = 10
third_after_min = 60
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def it_file(tmp_path: Path, text: str = IT_FILE) -> Deployed:
    return load([(write(tmp_path / "etc" / "leadpop.toml", text), True)])


def test_a_complete_file(tmp_path):
    d = it_file(tmp_path)
    assert dict(d.values) == {
        "inbox": r"\\server\leads",
        "hours": "ma-vr 08:30-18:00, za 09:00-16:00",
        "timezone": "Europe/Brussels",
        "region": "BE",
        "language": "nl",
        "second_after_min": 10,
        "third_after_min": 60,
    }
    assert d.locked == {"inbox", "second_after_min", "third_after_min"}
    assert d.problems == ()
    assert d.sources == (tmp_path / "etc" / "leadpop.toml",)


def test_a_malformed_file_is_one_line_and_nothing_else_breaks(tmp_path):
    broken = write(tmp_path / "etc" / "leadpop.toml", 'inbox = "/srv/leads\nhours = always\n')
    user = write(tmp_path / "user" / "leadpop.toml", 'region = "DE"\n')
    d = load([(broken, True), (user, False)])
    assert d.values == {"region": "DE"}
    (problem,) = d.problems
    assert problem.startswith(f"{broken}: ") and "\n" not in problem
    assert "the whole file is ignored" in problem


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ('region = "Nederland"', "region: must be a two-letter country code"),
        ('hours = "ma-vr 9-18"', "hours: can't read opening hours"),
        ('timezone = "Mars/Olympus"', "timezone: unknown time zone"),
        ("second_after_min = 0", "second_after_min: must be 1 to 1440 minutes"),
        ('third_after_min = "2h"', "third_after_min: must be a whole number of minutes"),
        ('language = "fr"', "language: must be 'nl' or 'en'"),
        ('colour = "red"', "unknown setting 'colour'"),
        ('locked = "inbox"', "'locked' must be a list"),
        ('locked = ["sound"]', "can't lock unknown setting 'sound'"),
        ("cadence = 5", "'cadence' must be a table"),
    ],
)
def test_a_wrong_value_is_skipped_with_a_reason(tmp_path, line, complaint):
    d = it_file(tmp_path, f'inbox = "/srv/leads"\n{line}\n')
    assert d.values == {"inbox": "/srv/leads"}  # the rest of the file still counts
    assert len(d.problems) == 1 and complaint in d.problems[0], d.problems


def test_the_system_file_wins_and_only_it_files_lock(tmp_path):
    system = write(tmp_path / "etc" / "leadpop.toml", 'hours = "always"\n')
    beside = write(
        tmp_path / "app" / "leadpop.toml",
        'hours = "mo-fr 08:00-17:00"\nregion = "BE"\nlocked = ["region"]\n',
    )
    user = write(
        tmp_path / "user" / "leadpop.toml", 'region = "DE"\ninbox = "/mine"\nlocked = ["inbox"]\n'
    )
    d = load([(system, True), (beside, True), (user, False)])
    assert dict(d.values) == {"hours": "always", "region": "BE", "inbox": "/mine"}
    assert d.locked == {"region"}
    assert d.problems == (f"{user}: 'locked' only counts in a file IT deploys; ignored",)


def test_where_leadpop_looks(tmp_path):
    linux = search_paths({}, platform="linux", frozen=False, user_dir=tmp_path)
    assert linux == [
        (Path("/etc/leadpop/leadpop.toml"), True),
        (tmp_path / "leadpop.toml", False),
    ]
    exe = tmp_path / "Programs" / "Leadpop" / "leadpop.exe"
    windows = search_paths(
        {"PROGRAMDATA": str(tmp_path / "ProgramData")},
        platform="win32",
        frozen=True,
        executable=str(exe),
    )
    assert windows == [
        (tmp_path / "ProgramData" / "Leadpop" / "leadpop.toml", True),
        (exe.parent.resolve() / "leadpop.toml", True),
    ]


def test_a_missing_or_unreadable_file(tmp_path):
    folder = tmp_path / "a-folder" / "leadpop.toml"
    folder.mkdir(parents=True)  # reading a folder fails: IsADirectoryError
    d = load([(tmp_path / "nothing.toml", True), (folder, True)])
    assert d.values == {} and d.sources == ()
    assert len(d.problems) == 1 and "can't read it" in d.problems[0]


def test_parse_accepts_a_byte_order_mark():
    values, _, problems = parse('\ufeffregion = "LU"\n'.encode())
    assert (values, problems) == ({"region": "LU"}, [])


# -- into the Config -------------------------------------------------------------------------


def test_resolve_uses_the_deployed_values(tmp_path):
    cfg = resolve(data_dir=str(tmp_path / "data"), env={}, deployed=it_file(tmp_path))
    assert cfg.inbox == r"\\server\leads" and not cfg.embedded_inbox
    assert cfg.hours.spec == "ma-vr 08:30-18:00, za 09:00-16:00"
    assert cfg.hours.tz.key == "Europe/Brussels"
    assert cfg.region == "BE"
    assert (cfg.cadence.second_after, cfg.cadence.third_after) == (
        timedelta(minutes=10),
        timedelta(hours=1),
    )
    assert cfg.fixed == frozenset()
    assert cfg.locked == {"inbox", "second_after_min", "third_after_min"}


def test_the_command_line_beats_even_a_locked_value(tmp_path):
    cfg = resolve(
        inbox="/tmp/test-inbox",
        data_dir=str(tmp_path / "data"),
        env={"LEADPOP_HOURS": "always"},
        deployed=it_file(tmp_path),
    )
    assert cfg.inbox == "/tmp/test-inbox" and cfg.hours.always
    assert cfg.fixed == {"inbox", "hours"}
    assert cfg.locked == {"second_after_min", "third_after_min"}


def test_without_any_file_the_built_in_defaults(tmp_path):
    cfg = resolve(data_dir=str(tmp_path), env={}, deployed=Deployed())
    assert cfg.embedded_inbox and cfg.inbox == str(tmp_path / "inbox")
    assert cfg.region == "NL" and cfg.hours.tz.key == "Europe/Amsterdam"
    assert defaults(cfg) == {
        "inbox": None,
        "hours": DEFAULT_HOURS,
        "region": "NL",
        "second_after_min": 15,
        "third_after_min": 120,
        "language": None,
    }


def test_precedence_with_the_persons_settings(tmp_path):
    deployed = it_file(tmp_path)  # inbox and cadence locked; hours, region, language not
    base = resolve(data_dir=str(tmp_path / "data"), env={}, deployed=deployed)
    mine = Prefs(
        inbox="/my/inbox",
        hours="always",
        region="DE",
        second_after_min=3,
        third_after_min=7,
        language="en",
    )
    cfg = apply(mine, base)
    assert cfg.inbox == r"\\server\leads"  # locked: IT's
    assert cfg.cadence.second_after == timedelta(minutes=10)  # locked: IT's
    assert cfg.hours.always and cfg.region == "DE"  # not locked: the person's
    assert language(mine, base) == "en"
    unset = apply(Prefs(), base)  # nothing of the person's: IT's defaults
    assert unset.hours.spec == "ma-vr 08:30-18:00, za 09:00-16:00" and unset.region == "BE"
    assert language(Prefs(), base) == "nl"
    cli_base = resolve(
        data_dir=str(tmp_path / "data"), hours="mo-fr 07:00-19:00", env={}, deployed=deployed
    )
    assert apply(mine, cli_base).hours.spec == "mo-fr 07:00-19:00"  # the command line wins


def test_a_locked_language_beats_the_persons_choice(tmp_path):
    base = resolve(
        data_dir=str(tmp_path),
        env={},
        deployed=it_file(tmp_path, 'language = "nl"\nlocked = ["language"]\n'),
    )
    assert language(Prefs(language="en"), base) == "nl"


# -- the person's settings file --------------------------------------------------------------


def test_settings_move_from_the_store_once(tmp_path):
    data = tmp_path / "data"
    store = Store.open(data)
    try:
        store.set_setting(PREFS_KEY, Prefs(name="Piet", role="manager").to_json())
        file = PrefsFile.for_data_dir(data)
        assert file.path == data / "settings.json"  # its own --data-dir: settings there too
        assert file.load(store, lambda: False) == Prefs(name="Piet", role="manager")
        assert file.path.is_file() and store.setting(MOVED_KEY) == str(file.path)
        assert store.setting(PREFS_KEY)  # kept, for an older Leadpop on this PC
        file.save(Prefs(name="Piet", role="salesperson"))
        assert file.load(store, lambda: False).role == "salesperson"  # not moved again
    finally:
        store.close()


def test_the_default_data_dir_keeps_settings_in_the_config_dir(tmp_path, monkeypatch):
    from app.settings.config import default_data_dir

    monkeypatch.setenv("LEADPOP_CONFIG_DIR", str(tmp_path / "cfg"))
    assert PrefsFile.for_data_dir(default_data_dir()).path == tmp_path / "cfg" / "settings.json"


def test_start_with_the_computer_shows_the_real_entry(tmp_path):
    file = PrefsFile(tmp_path / "settings.json")
    file.save(Prefs(name="Piet"))
    assert file.load(None, lambda: True).autostart  # e.g. the Windows installer wrote it
    file.save(Prefs(name="Piet", autostart=True))
    assert not file.load(None, lambda: False).autostart  # removed outside Leadpop


def test_an_unreadable_settings_file_gives_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe not json")
    assert PrefsFile(path).load(None, lambda: False) == Prefs()


def test_the_cli_says_what_is_wrong_and_goes_on(tmp_path, monkeypatch, capsys):
    cfg_dir = tmp_path / "cfg"
    write(cfg_dir / "leadpop.toml", "region = NL\n")  # no quotes: not TOML
    monkeypatch.setenv("LEADPOP_CONFIG_DIR", str(cfg_dir))
    doc = write(tmp_path / "lead.json", '{"name": "Jan Jansen", "phone": "06 12345678"}')
    assert cli.main(["parse", str(doc), "--data-dir", str(tmp_path / "data")]) == 0
    out, err = capsys.readouterr()
    assert '"phone_e164": "+31612345678"' in out or "+31612345678" in out
    (line,) = err.strip().splitlines()
    assert line.startswith("WARNING leadpop: ") and "leadpop.toml" in line
