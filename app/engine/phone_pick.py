"""The salesperson picks the other reading of an ambiguous number.

`0478 55 66 77` is a landline in Venray and a Belgian mobile; when the document's hints
didn't settle it, intake kept the home reading in the phone columns and the other in the
stored `extra` (app.core.lead.StoredFields). Picking swaps the two on this PC, so the
alert, the lists, the call panel's number, `tel:` link and QR code all dial the chosen one,
and the home reading becomes the alternative (a wrong pick can be undone the same way).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.core.lead import STORED_KEY, stored_fields


def swapped_phone(row: dict[str, Any], home: str) -> dict[str, Any] | None:
    """The store's new phone columns and `extra` for a lead row, or None when it keeps
    no alternative number."""
    alt = stored_fields(row.get("extra"), home).phone_alternative
    if alt is None or not alt.e164:
        return None
    try:
        extra = json.loads(row.get("extra") or "{}")
    except ValueError:
        return None
    own = dict(extra.get(STORED_KEY) or {})
    if row.get("phone_valid") and row.get("phone_e164"):
        own["phone_alternative"] = {"e164": row["phone_e164"], "display": row.get("phone_display")}
    else:
        own.pop("phone_alternative", None)
    extra[STORED_KEY] = own
    return {
        "phone_e164": alt.e164,
        "phone_display": alt.display,
        "phone_valid": 1,
        "phone_type": None,  # the other country's type is not known here
        "extra": json.dumps(extra, ensure_ascii=False),
    }


def use_alternative(store: Any, lead_id: str, home: str, now: datetime) -> bool:
    """Swap the lead's number with its stored alternative; False when it has none."""
    row = store.lead(lead_id)
    values = swapped_phone(row, home) if row is not None else None
    if values is None:
        return False
    store.update_lead(lead_id, now, **values)
    return True
