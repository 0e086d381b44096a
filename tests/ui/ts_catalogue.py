"""Reading a Qt Linguist .ts catalogue, shared by the translation tests."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QTranslator


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation; None when unfinished."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            # A plural (numerus="yes") has one <numerusform> per form: all must be there;
            # the plural form stands for them.
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = forms[-1] if forms else (tr.text if tr is not None else None)
            filled = all(f.strip() for f in forms) if forms else bool((text or "").strip())
            done = tr is not None and tr.get("type") is None and filled
            out[(name, msg.findtext("source"))] = text if done else None
    return out


# -- what every translation test does with a catalogue ---------------------------------------

QT_TOOLS = Path(PySide6.__file__).parent  # lrelease / lupdate ship inside the wheel


def problems(ts: Path) -> list[str]:
    """Messages without a Dutch translation, or whose {placeholders} differ from the source."""
    out = []
    for (ctx, source), translation in messages(ts).items():
        if not translation:
            out.append(f"{ctx}: {source!r} has no Dutch translation")
        elif sorted(re.findall(r"\{\w+\}", translation)) != sorted(re.findall(r"\{\w+\}", source)):
            out.append(f"{ctx}: {source!r} -> {translation!r}: placeholders differ")
    return out


def from_code(sources: Iterable[Path], tmp: Path) -> dict[tuple[str, str], str | None]:
    """The messages lupdate finds in `sources` now (to compare with the committed .ts)."""
    fresh = tmp / "fresh.ts"
    subprocess.run(
        [str(QT_TOOLS / "lupdate"), *map(str, sources), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    return messages(fresh)


@contextmanager
def translated(ts: Path, tmp: Path) -> Iterator[None]:
    """The app speaks the catalogue's language while inside (compiled with lrelease)."""
    qm = tmp / ts.with_suffix(".qm").name
    subprocess.run(
        [str(QT_TOOLS / "lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
