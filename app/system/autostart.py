"""Start Leadpop with the computer: the showroom PC is switched on, and the alert must work.

Qt-free. Linux: an XDG autostart entry (~/.config/autostart/leadpop.desktop, honouring
XDG_CONFIG_HOME). Windows: a value under HKCU\\...\\Run (no admin rights needed).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

APP_NAME = "Leadpop"
DESKTOP_FILE = "leadpop.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """How this Leadpop was started: the frozen exe, the `leadpop` script, or python -m app."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("leadpop.exe" if os.name == "nt" else "leadpop")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "app"]


def desktop_entry_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(base) / "autostart" / DESKTOP_FILE


def desktop_entry(command: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Speed-to-lead: new online leads pop up with a two-minute countdown\n"
        f"Exec={shlex.join(command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def is_enabled(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    if platform == "win32":
        return _win_get() is not None
    return desktop_entry_path(env).is_file()


def set_enabled(
    enabled: bool,
    command: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> None:
    """Create or remove the autostart entry. Raises OSError when that is not allowed."""
    command = list(command or launch_command())
    if platform == "win32":
        _win_set(subprocess_line(command) if enabled else None)
        return
    path = desktop_entry_path(env)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(desktop_entry(command), encoding="utf-8")
        os.replace(tmp, path)
    else:
        path.unlink(missing_ok=True)


def subprocess_line(command: Sequence[str]) -> str:
    """A Windows command line with each part quoted as the Run key expects."""
    import subprocess

    return subprocess.list2cmdline(list(command))


def _win_get() -> str | None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            value, _ = winreg.QueryValueEx(key, APP_NAME)
            return str(value)
    except FileNotFoundError:
        return None


def _win_set(line: str | None) -> None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found]

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if line is None:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, APP_NAME)
        else:
            winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, line)
