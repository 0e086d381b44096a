"""Start with the computer: the XDG autostart entry (Linux); Windows is a guarded code path."""

from __future__ import annotations

import shlex

from app.system import autostart


def test_linux_writes_and_removes_the_desktop_entry(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "HOME": str(tmp_path / "home")}
    path = tmp_path / "cfg" / "autostart" / "leadpop.desktop"
    assert not autostart.is_enabled(env, platform="linux")
    autostart.set_enabled(True, ["/opt/leadpop/bin/leadpop", "--lang", "nl"], env, "linux")
    assert autostart.is_enabled(env, platform="linux")
    text = path.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Name=Leadpop" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert shlex.split(exec_line.removeprefix("Exec=")) == [
        "/opt/leadpop/bin/leadpop",
        "--lang",
        "nl",
    ]
    autostart.set_enabled(False, env=env, platform="linux")
    assert not path.exists()
    autostart.set_enabled(False, env=env, platform="linux")  # already off: no error


def test_without_xdg_config_home_it_goes_under_home(tmp_path):
    env = {"HOME": str(tmp_path)}
    assert autostart.desktop_entry_path(env) == tmp_path / ".config" / "autostart" / (
        "leadpop.desktop"
    )


def test_a_path_with_spaces_is_quoted(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    autostart.set_enabled(True, ["/home/piet/My Apps/leadpop"], env, "linux")
    text = autostart.desktop_entry_path(env).read_text(encoding="utf-8")
    assert "Exec='/home/piet/My Apps/leadpop'" in text


def test_the_windows_run_line_quotes_each_part():
    line = autostart.subprocess_line([r"C:\Program Files\Leadpop\leadpop.exe", "--lang", "nl"])
    assert line == r'"C:\Program Files\Leadpop\leadpop.exe" --lang nl'


def test_launch_command_names_something_that_runs():
    command = autostart.launch_command()
    assert command and command[0]
