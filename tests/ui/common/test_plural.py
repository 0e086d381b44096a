"""Counted words read right in both languages: "1 lead", never "1 leads"."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from ts_catalogue import translated

from app.ui.common.plural import counted
from app.ui.salesperson.status_bar import LeadStatusBar

TS = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "leadpop_nl.ts"
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def dutch(tmp_path):
    with translated(TS, tmp_path):
        yield


def waiting(qtbot, now: int, before: int = 0) -> str:
    bar = LeadStatusBar(AMS)
    qtbot.addWidget(bar)
    bar.set_waiting(now, before)
    return bar.waiting.text()


def test_english_says_one_lead_and_two_leads(qtbot):
    assert waiting(qtbot, 1) == "1 lead waiting"
    assert waiting(qtbot, 2) == "2 leads waiting"
    assert waiting(qtbot, 0, 0) == "No leads waiting"
    assert waiting(qtbot, 2, 1) == "3 leads waiting (1 for opening time)"


def test_dutch_has_its_own_singular_and_plural(qtbot, dutch):
    assert waiting(qtbot, 1) == "1 lead wacht"
    assert waiting(qtbot, 5) == "5 leads wachten"
    assert waiting(qtbot, 1, 1) == "2 leads wachten (1 op openingstijd)"


def test_counted_leaves_translated_text_alone():
    assert counted("1 lead wacht", 1) == "1 lead wacht"
    assert counted("{shown} of 4 lead(s)", 4) == "{shown} of 4 leads"
