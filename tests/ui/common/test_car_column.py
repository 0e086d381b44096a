"""My leads at 1366×768: the car's make, model and year are read whole, not "Volks…"."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from PySide6.QtGui import QFont, QFontMetrics

from app.core.clock import FakeClock
from app.ui.salesperson.lead_table import CAR
from app.ui.salesperson.main_window import MainWindow
from tests.ui.conftest import NOW

AMS = ZoneInfo("Europe/Amsterdam")
CARS = (("Volkswagen", "Golf", 2021), ("Toyota", "Yaris Cross", 2022), ("Skoda", "Enyaq", 2022))


def test_the_car_column_is_wide_enough_for_make_model_and_year(qtbot, make_view):
    window = MainWindow(FakeClock(NOW), AMS, "piet")
    window.keep_in_tray = True
    qtbot.addWidget(window)
    # Maximised at 1366×768 on a desktop. The offscreen test font is narrower than a
    # desktop's (the README pictures): a narrower window gives the same squeeze.
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    views = []
    for n, (make, model, year) in enumerate(CARS, start=1):
        vehicle = {"make": make, "model": model, "year": year, "price": 21950}
        views.append(make_view(n, vehicle=json.dumps(vehicle)))
    window.set_leads(views)
    assert window.proxy.rowCount() == 3
    bold = QFont(window.table.font())
    bold.setBold(True)  # an overdue row is bold
    needed = max(QFontMetrics(bold).horizontalAdvance(f"{a} {b} {c}") for a, b, c in CARS)
    assert window.table.horizontalHeader().sectionSize(CAR) >= needed
