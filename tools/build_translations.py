"""Compile every resources/i18n/*.ts (Qt Linguist sources) into app/resources/i18n/*.qm,
where the app and a bundle find them (the .qm files are built, not committed). Called by
scripts/setup.sh; needs only the PySide6 wheel.

    .venv/bin/python tools/build_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "i18n"
I18N = ROOT / "app" / "resources" / "i18n"


def lrelease() -> list[str]:
    """The lrelease that ships inside the PySide6 wheel, else pyside6-lrelease on PATH."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None
    if PySide6 is not None:
        for name in ("lrelease", "lrelease.exe"):
            tool = Path(PySide6.__file__).parent / name
            if tool.is_file():
                return [str(tool)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
        if found:
            return [found]
    sys.exit("error: lrelease not found (install PySide6-Essentials)")


def main() -> int:
    tool = lrelease()
    sources = sorted(SOURCES.glob("*.ts"))
    I18N.mkdir(parents=True, exist_ok=True)
    for ts in sources:
        qm = I18N / ts.with_suffix(".qm").name
        proc = subprocess.run([*tool, str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if proc.returncode != 0 or not qm.is_file():
            print(
                f"error: {ts.name}: {proc.stderr.strip() or proc.stdout.strip()}", file=sys.stderr
            )
            return 1
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
