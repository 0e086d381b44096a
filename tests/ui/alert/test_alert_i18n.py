"""Dutch for the alert, call panel, outcome prompt and banner (resources/i18n/alert_nl.ts)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from ts_catalogue import from_code, messages, problems, translated

from app.ui.alert import call_panel
from app.ui.alert.alert_window import AlertWindow
from app.ui.common.notify import Banner
from app.ui.salesperson.outcome_dialog import OutcomeDialog

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "alert_nl.ts"
SOURCES = [
    ROOT / "app" / "ui" / f
    for f in (
        "alert/alert_window.py",
        "alert/call_panel.py",
        "salesperson/outcome_dialog.py",
        "common/notify.py",
        "common/lead_text.py",
    )
]


def test_every_string_is_translated_with_its_placeholders():
    assert messages(TS)
    assert problems(TS) == []


def test_the_catalogue_is_up_to_date_with_the_code(tmp_path):
    assert set(from_code(SOURCES, tmp_path)) == set(messages(TS)), "re-run pyside6-lupdate"


@pytest.fixture
def dutch(tmp_path):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    with translated(TS, tmp_path):
        yield
    QLocale.setDefault(before)


class Mute:
    def play(self) -> bool:
        return False


def test_alert_in_dutch(qtbot, dutch, clock, make_view):
    landed = clock.now() - timedelta(seconds=70)
    first = make_view(1, landed=landed, requested_at=(landed - timedelta(minutes=3)).isoformat())
    alert = AlertWindow(clock, sound=Mute())
    qtbot.addWidget(alert)
    alert.set_leads([first, make_view(2), make_view(3)])
    assert alert.windowTitle() == "Nieuwe lead — Jan Jansen"
    assert [b.text() for b in (alert.call_button, alert.take_button, alert.dismiss_button)] == [
        "Bel nu",
        "Ik pak hem",
        "Niet ik",
    ]
    assert alert.waiting.text() == "nog 2 in de rij"
    assert alert.asked.text() == "4 min geleden gevraagd"
    assert "1 min geleden binnengekomen" in alert.kicker.text()
    # No line break inside the price or the stock number: non-breaking spaces.
    assert alert.vehicle.text() == "Volkswagen Golf 2021 · €\u00a021.950 · voorraadnr.\u00a0V1234"
    assert alert.clock_caption.text() == "Bel binnen"
    alert.lead_taken(first.id, "Piet")
    assert alert.status.text() == "Piet heeft deze lead opgepakt"


def test_call_panel_in_dutch(qtbot, dutch, make_view, monkeypatch):
    monkeypatch.setattr(call_panel, "open_tel_link", lambda url: False)
    panel = call_panel.CallPanel()
    qtbot.addWidget(panel)
    panel.show_lead(make_view(1), dial=True)
    assert panel.copy_button.text() == "Nummer kopiëren"
    assert panel.done_button.text() == "Resultaat vastleggen"  # as in the lead's detail
    assert panel.heading.full_text() == "Bel Jan Jansen"
    assert panel.note.text() == "Geen telefoon-app op deze pc — kies het nummer of scan de code"


def test_outcome_dialog_in_dutch(qtbot, dutch, make_view):
    dialog = OutcomeDialog(make_view(1, attempts=1))
    qtbot.addWidget(dialog)
    assert dialog.attempt_label.text() == "Poging 2 van 3"
    texts = {key: b.text() for key, b in dialog.buttons.items()}
    assert texts == {  # each with its key
        "appointment": "1   Afspraak gemaakt",
        "reached": "2   Bereikt, geen afspraak",
        "not_interested": "3   Geen interesse",
        "voicemail": "4   Voicemail",
        "no_answer": "5   Geen gehoor",
        "busy": "6   In gesprek",
        "wrong_number": "7   Verkeerd nummer",
    }
    dialog.buttons["appointment"].click()
    assert dialog.save_when.text() == "Afspraak opslaan"


def test_banner_in_dutch(qtbot, dutch):
    banner = Banner()
    qtbot.addWidget(banner)
    assert banner.open_button.text() == "Openen"
