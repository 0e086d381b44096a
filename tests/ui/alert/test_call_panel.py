"""The call panel: big number, a QR code of the tel: link, copy, and "Record outcome"."""

from __future__ import annotations

import pytest
import segno
from PySide6.QtGui import QGuiApplication

from app.ui.alert import call_panel
from app.ui.alert.call_panel import QR_BORDER, CallPanel
from app.ui.common.fit_label import FitLabel


@pytest.fixture
def dialled(monkeypatch):
    urls: list[str] = []
    result = {"ok": True}

    def fake_open(url: str) -> bool:
        urls.append(url)
        return result["ok"]

    monkeypatch.setattr(call_panel, "open_tel_link", fake_open)
    return urls, result


@pytest.fixture
def panel(qtbot, dialled):
    widget = CallPanel()
    qtbot.addWidget(widget)
    return widget


def test_qr_code_encodes_the_exact_tel_link(panel, make_view):
    panel.show_lead(make_view(1))
    assert panel.qr is not None
    expected = segno.make("tel:+31612345678", error="m", micro=False)
    assert panel.qr.matrix == expected.matrix
    assert panel.qr.designator == expected.designator


def test_the_shown_image_is_that_matrix(panel, make_view):
    # No QR reader here: sample every module's centre in the rendered pixmap instead.
    panel.show_lead(make_view(1))
    image = panel.qr_label.pixmap().toImage()
    scale = panel.qr_scale
    size = len(panel.qr.matrix) + 2 * QR_BORDER
    assert image.width() == image.height() == size * scale
    for r, row in enumerate(panel.qr.matrix):
        for c, dark in enumerate(row):
            x, y = (c + QR_BORDER) * scale + scale // 2, (r + QR_BORDER) * scale + scale // 2
            assert (image.pixelColor(x, y).lightness() < 128) == bool(dark), (r, c)
    assert image.pixelColor(1, 1).lightness() > 200  # the quiet zone is white


def test_number_is_shown_big_in_national_format(panel, make_view):
    panel.show_lead(make_view(1))
    assert panel.number.full_text() == "06 12345678"
    assert panel.number.font().pixelSize() >= 60


def test_dial_opens_the_tel_link_once(panel, make_view, dialled):
    urls, _ = dialled
    panel.show_lead(make_view(1), dial=True)
    assert urls == ["tel:+31612345678"]
    assert panel.note.text().startswith("Sent to your phone app")


def test_without_a_phone_app_it_says_so(panel, make_view, dialled):
    urls, result = dialled
    result["ok"] = False
    panel.show_lead(make_view(1), dial=True)
    assert urls == ["tel:+31612345678"]
    assert panel.note.text() == "No phone app here — dial the number or scan the code"


def test_showing_without_dial_does_not_dial(panel, make_view, dialled):
    urls, _ = dialled
    panel.show_lead(make_view(1))
    assert urls == []
    assert panel.note.text() == "Scan the code to call from your mobile"


def test_an_unchecked_number_gets_no_qr_and_no_dialling(panel, make_view, dialled):
    urls, _ = dialled
    view = make_view(
        1, phone_raw="+31 6 1234", phone_e164="+3161234", phone_display=None, phone_valid=0
    )
    panel.show_lead(view, dial=True)
    assert panel.qr is None
    assert panel.qr_label.isHidden()
    assert panel.number.full_text() == "+31 6 1234"
    assert panel.note.text() == "This number could not be checked — dial it by hand"
    assert urls == []


def test_a_lead_without_a_phone(panel, make_view):
    panel.show_lead(
        make_view(1, phone_raw=None, phone_e164=None, phone_display=None, phone_valid=0)
    )
    assert panel.number.full_text() == "No phone number"
    assert not panel.copy_button.isEnabled()
    assert panel.note.text() == "This lead has no phone number"


def test_a_qr_from_the_previous_lead_does_not_linger(panel, make_view):
    panel.show_lead(make_view(1))
    panel.show_lead(make_view(2, phone_valid=0, phone_e164=None))
    assert panel.qr is None
    assert panel.qr_label.pixmap().isNull()


def test_copy_number_puts_e164_on_the_clipboard(panel, make_view):
    panel.show_lead(make_view(1))
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == "+31612345678"
    assert panel.note.text() == "Number copied"


def test_copy_an_unchecked_number_copies_it_as_given(panel, make_view):
    panel.show_lead(make_view(1, phone_raw="0612-345", phone_e164=None, phone_valid=0))
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == "0612-345"


def test_record_outcome_signals_the_lead(qtbot, panel, make_view):
    view = make_view(3)
    panel.show_lead(view)
    with qtbot.waitSignal(panel.outcome_requested) as sig:
        panel.done_button.click()
    assert sig.args == [view.id]


def test_shows_the_car_of_interest(panel, make_view):
    panel.show_lead(make_view(1))
    assert panel.detail.text().startswith("Volkswagen Golf 2021")
    assert panel.heading.full_text() == "Call Jan Jansen"


def test_qr_grows_with_the_screen(panel, make_view):
    panel.show_lead(make_view(1))
    small = panel.qr_label.pixmap().width()
    panel.set_scale(1.4)
    assert panel.qr_label.pixmap().width() > small
    assert panel.qr.matrix == segno.make("tel:+31612345678", error="m", micro=False).matrix


def test_fit_label_shrinks_long_text_to_its_width(qtbot):
    label = FitLabel(96)
    qtbot.addWidget(label)
    label.resize(300, 200)
    label.setText("Mevrouw A.B.C. van der Heijden-Vermeulen")
    assert label.font().pixelSize() < 96
    assert label.fontMetrics().horizontalAdvance(label.text()) <= 300
    label.setText("Jan")
    assert label.font().pixelSize() == 96
    assert label.toolTip() == ""
