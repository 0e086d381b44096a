"""Screenshots of the About dialog, in Dutch and English.

    .venv/bin/python tools/screenshots_about.py [--out docs/screenshots]

Under a real X server with a window manager (Xvfb + openbox when DISPLAY is unset, as in
tools/screenshot_kit.py). Writes docs/screenshots/about-nl.png and about-en.png.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot_kit import x_server  # noqa: E402


def shoot(out: Path, lang: str) -> Path:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from app.ui import i18n
    from app.ui.common.about_dialog import AboutDialog, AboutInfo
    from app.ui.icons import app_icon

    app = QApplication.instance() or QApplication([])
    translators = i18n.install(app, lang)
    info = AboutInfo(
        version=__version__,
        data_dir="/home/piet/.local/share/Leadpop",
        inbox="/mnt/showroom/leads",
        log_file="/home/piet/.local/state/Leadpop/log/leadpop.log",
        settings_file="/home/piet/.config/Leadpop/settings.json",
        it_files=("/etc/leadpop/leadpop.toml",),
        locked=("inbox", "hours"),
    )
    dialog = AboutDialog(info, None, app_icon())
    dialog.show()
    loop = QEventLoop()
    QTimer.singleShot(500, loop.quit)  # let the window manager map and lay it out
    loop.exec()
    path = out / f"about-{lang}.png"
    dialog.grab().save(str(path))
    dialog.close()
    for translator in translators:
        app.removeTranslator(translator)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["LEADPOP_MUTE"] = "1"
    with x_server(1366, 768):
        for lang in ("nl", "en"):
            path = shoot(args.out, lang)
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
