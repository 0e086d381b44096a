"""How the Team tab and `leadpop report` write numbers: a duration never reads as a clock
time, and the decimal mark follows the language the manager reads."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.engine.team_report import duration
from app.ui import i18n
from app.ui.team.team_tab import _kpi_text, duration_text

TS = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "team_nl.ts"


@pytest.fixture
def language(tmp_path: Path) -> Iterator[callable]:
    installed: list[QTranslator] = []
    before = QLocale()

    def use(lang: str) -> None:
        QLocale.setDefault(i18n.locale_for(lang))
        if lang == "nl":
            qm = tmp_path / "team_nl.qm"
            lrelease = Path(PySide6.__file__).parent / "lrelease"
            subprocess.run(
                [str(lrelease), str(TS), "-qm", str(qm)], check=True, capture_output=True
            )
            translator = QTranslator()
            assert translator.load(str(qm))
            QCoreApplication.installTranslator(translator)
            installed.append(translator)

    yield use
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_a_median_of_22_minutes_is_not_the_time_22_26(qapp, language):
    language("en")
    assert duration_text(22 * 60 + 26) == "22 min 26 s"
    assert duration_text(3 * 3600 + 44 * 60) == "3 h 44 min"
    assert duration_text(45) == "45 s"
    assert (duration(22 * 60 + 26), duration(3 * 3600 + 44 * 60), duration(45)) == (
        "22m26s",
        "3h44m",
        "45s",
    )


def test_english_writes_a_decimal_point_and_dutch_a_decimal_comma(qapp, language):
    language("en")
    assert _kpi_text("sold_pct", 100.0) == "100.0%"
    language("nl")
    assert _kpi_text("sold_pct", 100.0) == "100,0%"
    assert duration_text(3 * 3600 + 44 * 60) == "3 u 44 min"
