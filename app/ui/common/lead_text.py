"""How a lead's fields read on screen: the car, "4 min" — shared by alert and call panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.lead import Vehicle

NBSP = "\u00a0"  # "€ 21.950" and "stock V1234" never break across lines


def vehicle_text(vehicle: Vehicle | None) -> str:
    """The car of interest on one line: 'Volkswagen Golf 2021 · € 21.950 · stock V1234'."""
    if vehicle is None:
        return ""
    parts = [vehicle.describe()]
    if vehicle.plate:
        parts.append(vehicle.plate)
    if isinstance(vehicle.price, int | float) and vehicle.price > 0:
        # QLocale's default follows the chosen language: "21.950" in Dutch, "21,950" in English.
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # C omits grouping
        parts.append("€" + NBSP + locale.toString(round(vehicle.price)))
    if vehicle.stock:
        stock = QCoreApplication.translate("LeadText", "stock {stock}")
        parts.append(stock.format(stock=vehicle.stock).replace(" ", NBSP))
    return " · ".join(p for p in parts if p)


def duration_text(seconds: float) -> str:
    """'4 min', '2 h 05 min', '3 d 4 h' (translated)."""
    minutes = int(max(0, seconds) // 60)
    if minutes < 60:
        return QCoreApplication.translate("LeadText", "{n} min").format(n=minutes)
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        text = QCoreApplication.translate("LeadText", "{h} h {m} min")
        return text.format(h=hours, m=f"{mins:02d}")
    days, hours = divmod(hours, 24)
    return QCoreApplication.translate("LeadText", "{d} d {h} h").format(d=days, h=hours)
