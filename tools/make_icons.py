"""Render the app icon: app/resources/icons/leadpop.svg -> leadpop-<size>.png (16…256).

    .venv/bin/python tools/make_icons.py

The SVG is the source (a stopwatch at "two minutes" on the primary green); the PNGs are
committed so the app and the packaging step never need an SVG renderer at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "app" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">
  <rect x="8" y="8" width="240" height="240" rx="52" fill="#15803d"/>
  <rect x="108" y="30" width="40" height="22" rx="6" fill="#ffffff"/>
  <rect x="120" y="46" width="16" height="16" fill="#ffffff"/>
  <circle cx="128" cy="144" r="82" fill="#ffffff"/>
  <circle cx="128" cy="144" r="66" fill="#0f172a"/>
  <path d="M128 144 L128 78 A66 66 0 0 1 185.2 111 Z" fill="#fbbf24"/>
  <circle cx="128" cy="144" r="10" fill="#ffffff"/>
  <rect x="123" y="84" width="10" height="62" rx="5" fill="#ffffff"/>
</svg>
"""


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "leadpop.svg").write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = ICONS / f"leadpop-{size}.png"
        image.save(str(path))
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
