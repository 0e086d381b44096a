"""The DV lead XML (`lead-1.2`) that several Dutch stock platforms relay.

One flat `<lead>`: id, customer_number, created, name, email, message and
`vehicle/stock_number`; some relays add a phone, a make and a model. Read with the same
safe parser as ADF (no DTD, no entities), and as leniently: unknown elements are kept
in `extra`, namespaces and element case are ignored.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from app.core.lead import Vehicle
from app.intake.errors import Unreadable
from app.intake.fields import Found
from app.intake.values import parse_price, parse_time, parse_year, plausible_email, safe_id

FORMAT = "xml"  # Lead.format of a DV lead: XML, but not ADF

_VEHICLE_TEXT = {"stock_number": "stock", "make": "make", "model": "model", "url": "url"}
_PHONE = ("phone", "telephone", "phone_number", "mobile")
_KNOWN = {"id", "customer_number", "created", "name", "email", "message", "vehicle", "source"}
_KNOWN |= set(_PHONE)


def _local(el: Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _texts(el: Element) -> dict[str, str]:
    """Child element -> its text (the first of a name wins), whitespace tidied."""
    out: dict[str, str] = {}
    for child in el:
        text = "\n".join(" ".join(line.split()) for line in "".join(child.itertext()).splitlines())
        out.setdefault(_local(child), text.strip())
    return out


def is_dv_lead(root: Element) -> bool:
    """A `<lead>` root: version 1.x by attribute or namespace, or DV's own children."""
    if _local(root) != "lead":
        return False
    version = (root.get("version") or "").strip()
    namespace = root.tag.partition("}")[0] if isinstance(root.tag, str) else ""
    children = {_local(c) for c in root}
    return version.startswith("1.") or "lead-1" in namespace or "customer_number" in children


def _vehicle(el: Element | None) -> Vehicle | None:
    if el is None:
        return None
    texts = _texts(el)
    vehicle = Vehicle(
        **{field: texts.get(tag) or None for tag, field in _VEHICLE_TEXT.items()},
        year=parse_year(texts.get("year")),
        price=parse_price(texts.get("price")),
        plate=texts.get("license_plate") or texts.get("plate") or None,
    )
    return vehicle if vehicle.to_json() else None


def read_dv_lead(root: Element) -> tuple[Found, str | None]:
    """The findings and the lead's own id (sanitized), if it has one."""
    texts = _texts(root)
    vehicle_el = next((c for c in root if _local(c) == "vehicle"), None)
    raw_email = texts.get("email", "")
    email = plausible_email(raw_email)
    phones = [texts[p] for p in _PHONE if texts.get(p)]
    extra: dict[str, object] = {k: v for k, v in texts.items() if k not in _KNOWN and v}
    if texts.get("customer_number"):
        extra["customer_number"] = texts["customer_number"]
    found = Found(
        name=texts.get("name", ""),
        phones=phones,
        email=email,
        vehicle=_vehicle(vehicle_el),
        message=texts.get("message", ""),
        requested_at=parse_time(texts.get("created")),
        source=texts.get("source") or "dv",
        extra=extra,
    )
    if raw_email and not email:
        found.flags.append("email_invalid")
    if texts.get("created") and found.requested_at is None:
        found.flags.append("requested_at_invalid")
    if not (found.name or phones or raw_email):
        raise Unreadable("DV lead has no lead fields (name, phone or email)")
    return found, safe_id(texts.get("id", "")) or None
