"""ADF XML (Auto-lead Data Format 1.0), as portals and lead routers send it.

Lenient about structure (ADF as portals really send it: `<?adf?>` before `<?xml?>`, phone
types outside the DTD, missing vendorname, extra tags), strict about safety: no DTD, no
entities, no external references, so an entity bomb is refused before it can expand.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import fromstring

from app.core.lead import Vehicle
from app.intake.errors import Unreadable
from app.intake.fields import Found
from app.intake.portals import domain_country
from app.intake.text import decode_text
from app.intake.values import parse_price, parse_time, parse_year, plausible_email

SAFETY = "XML declares a DTD/entities; refused for safety"

_LEADING_ADF_PI = re.compile(r"^\s*(?:<\?adf\b[^>]*>\s*)+", re.IGNORECASE)
_DECLARED = re.compile(
    rb"^\s*(?:<\?adf\b[^>]*>\s*)*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})",
    re.IGNORECASE,
)
_ADF_START = re.compile(r"<adf[\s>]", re.IGNORECASE)
_ADF_END = re.compile(r"</adf\s*>", re.IGNORECASE)

# Rank of a phone type: who answers a mobile is most likely the customer. Anything
# outside the DTD ("mobile", "gsm", "work"…) is accepted; a fax is the last resort.
_PHONE_RANK = {
    "cellphone": 0,
    "cell": 0,
    "mobile": 0,
    "mobil": 0,
    "gsm": 0,
    "mobiel": 0,
    "voice": 1,
    "phone": 1,
    "": 1,
    "fax": 3,
    "pager": 3,
}
_NOT_BOUGHT = {"trade-in", "tradein", "trade", "sell"}


class AdfRead(NamedTuple):
    found: Found
    provider: str  # the lead's source (the portal)
    vendor: str  # the dealership it was sent to


def _local(el: Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _children(el: Element | None, name: str) -> list[Element]:
    return [c for c in el if _local(c) == name] if el is not None else []


def _child(el: Element | None, name: str) -> Element | None:
    found = _children(el, name)
    return found[0] if found else None


def _descendant(el: Element, name: str) -> Element | None:
    return next((d for d in el.iter() if d is not el and _local(d) == name), None)


def _text(el: Element | None) -> str:
    if el is None:
        return ""
    lines = "".join(el.itertext()).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _attr(el: Element, name: str) -> str:
    return (el.get(name) or "").strip().lower()


def parse_xml(text: str) -> Element:
    """Parse ADF text safely; `<?adf?>` before `<?xml?>` is stripped, not an error."""
    text = _LEADING_ADF_PI.sub("", text, count=1).lstrip("\ufeff \t\r\n")
    try:
        return fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise Unreadable(SAFETY) from None
    except ParseError as exc:
        raise Unreadable(f"malformed XML: {exc}") from None


def decode_xml(data: bytes) -> str:
    """The XML as text, in the encoding its declaration names (else UTF-8, cp1252…)."""
    match = _DECLARED.match(data[:1024])
    declared = match[1].decode("ascii") if match else None
    if declared and declared.lower().startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        declared = None  # an ASCII-readable declaration can't be UTF-16: a mislabel
    return decode_text(data, declared)


def find_adf(text: str) -> str | None:
    """The `<adf>…</adf>` element inside a larger text (an e-mail body), if any."""
    start = _ADF_START.search(text)
    if not start:
        return None
    end = _ADF_END.search(text, start.start())
    return text[start.start() : end.end()] if end else text[start.start() :]


def _name(contact: Element | None) -> str:
    names = _children(contact, "name")
    full = next((_text(n) for n in names if _attr(n, "part") in ("", "full") and _text(n)), "")
    if full:
        return full
    parts = {"first": "", "given": "", "middle": "", "last": "", "surname": "", "family": ""}
    for n in names:
        part = _attr(n, "part")
        if part in parts and not parts[part]:
            parts[part] = _text(n)
    order = ("first", "given", "middle", "last", "surname", "family")
    return " ".join(parts[p] for p in order if parts[p])


def _phones(contact: Element | None) -> list[str]:
    phones = [(p, _text(p)) for p in _children(contact, "phone")]
    ranked = sorted(
        ((_PHONE_RANK.get(_attr(p, "type"), 2), text) for p, text in phones if text),
        key=lambda pair: pair[0],
    )
    return [text for _, text in ranked]


def _vehicle(prospect: Element, extra: dict[str, object]) -> Vehicle | None:
    vehicles = _children(prospect, "vehicle")
    wanted = [v for v in vehicles if _attr(v, "interest") not in _NOT_BOUGHT]
    for other in vehicles:
        if other not in wanted:
            extra.setdefault("trade_in", _describe(other).describe())
    chosen = wanted[0] if wanted else None
    if chosen is None:
        return None
    vin = _text(_child(chosen, "vin"))
    if vin:
        extra["vin"] = vin
    vehicle = _describe(chosen)
    return vehicle if vehicle.to_json() else None


def _describe(v: Element) -> Vehicle:
    plate = next((_text(_child(v, t)) for t in ("licenseplate", "plate", "kenteken")), "")
    return Vehicle(
        make=_text(_child(v, "make")) or None,
        model=" ".join(p for p in (_text(_child(v, "model")), _text(_child(v, "trim"))) if p)
        or None,
        year=parse_year(_text(_child(v, "year"))),
        stock=_text(_child(v, "stock")) or None,
        price=parse_price(_text(_child(v, "price"))),
        url=_text(_child(v, "url")) or None,
        plate=plate or None,
    )


def read_adf(root: Element) -> AdfRead:
    prospect = root if _local(root) == "prospect" else _descendant(root, "prospect")
    if prospect is None:
        if _local(root) == "adf":
            raise Unreadable("ADF has no <prospect>: not a lead")
        raise Unreadable(f"XML is not ADF: the root element is <{_local(root)[:40]}>")
    extra: dict[str, object] = {}
    customer = _child(prospect, "customer")
    contact = _child(customer, "contact")
    if contact is None:  # an Element's truth value is its child count: test for None
        contact = _descendant(prospect, "contact")
    raw_email = _text(_child(contact, "email"))
    email = plausible_email(raw_email)
    comments = _text(_child(customer, "comments")) or _text(_child(prospect, "comments"))
    request_text = _text(_child(prospect, "requestdate"))
    found = Found(
        name=_name(contact),
        phones=_phones(contact),
        email=email,
        vehicle=_vehicle(prospect, extra),
        message=comments,
        requested_at=parse_time(request_text),
        extra=extra,
    )
    if raw_email and not email:
        found.flags.append("email_invalid")
    if request_text and found.requested_at is None:
        found.flags.append("requested_at_invalid")
    if not (found.name or found.phones or raw_email):
        raise Unreadable("ADF has no lead fields (name, phone or email)")
    adf_id = _text(_child(prospect, "id"))
    if adf_id:
        extra["adf_id"] = adf_id
    provider = _child(prospect, "provider")
    provider_name = _text(_child(provider, "name")) or _text(_child(provider, "service"))
    vendor = _text(_child(_child(prospect, "vendor"), "vendorname"))
    if vendor:
        extra["vendor"] = vendor
    found.source = provider_name or vendor
    country = domain_country(provider_name) if "." in provider_name else None
    if country:  # "AutoScout24.be": the portal's country, a hint for an ambiguous number
        found.hints.append({country})
    return AdfRead(found, provider_name, vendor)


def read_adf_text(text: str) -> AdfRead:
    return read_adf(parse_xml(text))
