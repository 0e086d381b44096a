"""How a stored lead row reads on screen: phone, car, "4 min" — shared by alert and call panel."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.lead import Phone, Vehicle


def phone_of(row: dict[str, Any]) -> Phone:
    """The stored phone columns as a Phone; only a validated number gets a tel: link."""
    valid = bool(row.get("phone_valid"))
    return Phone(
        raw=row.get("phone_raw") or "",
        e164=row.get("phone_e164") if valid else None,
        display=row.get("phone_display"),
        valid=valid,
    )


def vehicle_text(raw: str | None) -> str:
    """The car of interest on one line: 'Volkswagen Golf 2021 · € 21.950 · stock V1234'."""
    if not raw:
        return ""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw  # stored as plain text
    if isinstance(data, str):
        return data
    vehicle = Vehicle.from_json(data) if isinstance(data, dict) else None
    if vehicle is None:
        return ""
    parts = [vehicle.describe()]
    if vehicle.plate:
        parts.append(vehicle.plate)
    if isinstance(vehicle.price, int | float) and vehicle.price > 0:
        # QLocale's default follows the chosen language: "21.950" in Dutch, "21,950" in English.
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # C omits grouping
        parts.append("€ " + locale.toString(round(vehicle.price)))
    if vehicle.stock:
        stock = QCoreApplication.translate("LeadText", "stock {stock}")
        parts.append(stock.format(stock=vehicle.stock))
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
