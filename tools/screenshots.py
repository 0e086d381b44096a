"""Every screenshot in the README, retaken: the alert, the main window, the Team tab, About.

    .venv/bin/python tools/screenshots.py        (or: make screenshots)

Each script starts its own Xvfb + openbox per screen size (tools/screenshot_kit.py) and
writes PNGs to docs/screenshots/, in Dutch and English, at 1366x768 and 1920x1080.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SCRIPTS = (
    "screenshots_alert.py",
    "screenshots_main.py",
    "screenshots_team.py",
    "screenshots_about.py",
)


def main() -> int:
    subprocess.run([sys.executable, str(TOOLS / "build_translations.py")], check=True)
    for script in SCRIPTS:
        print(f">> {script}", flush=True)
        subprocess.run([sys.executable, str(TOOLS / script), *sys.argv[1:]], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
