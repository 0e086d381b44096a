"""E-mail leads: portal notifications and customers' own mails, in any MIME layout.

Order of trust: 1) an ADF attachment or ADF in the body; 2) labelled fields in the text
body (HTML converted first); 3) Reply-To / From for the e-mail address, unless it is a
portal's no-reply address; 4) a phone number anywhere in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from email.message import Message
from urllib.parse import urlsplit

from app.core.lead import MISSED_CALL, Vehicle
from app.core.names import full_name
from app.core.phone import find_number
from app.intake.adf import AdfRead, decode_xml, find_adf, read_adf_text
from app.intake.errors import Unreadable
from app.intake.fields import Found, hints_of
from app.intake.htmltext import html_to_text
from app.intake.labels import Labelled, Lookup, lookup_for, read_labels
from app.intake.mime import (
    Part,
    addresses,
    fatal_defects,
    header_text,
    iter_parts,
    parse_message,
)
from app.intake.portals import (
    Portal,
    domain_country,
    missed_call_subject,
    portal_country,
    portal_for,
)
from app.intake.senders import is_customer_address, sender_domain
from app.intake.text import try_decode
from app.intake.values import parse_price, parse_time, parse_year, plausible_email, safe_id

_XML_TYPES = ("application/xml", "text/xml", "application/adf+xml", "text/x-adf")
MAX_MESSAGE = 4000  # a whole mail as "message" would bury the question in the alert
# A customer's number is near the top; the matcher costs ~3 s per MB of digit-rich text.
PHONE_SCAN = 20_000


@dataclass(frozen=True)
class EmailRead:
    found: Found
    message_id: str | None
    original: str | None  # the raw mail as text in its declared charset, when not UTF-8


def _adf_in(part: Part) -> str | None:
    is_xml = part.content_type in _XML_TYPES or part.filename.lower().endswith((".xml", ".adf"))
    lowered_payload = part.payload.lower()
    if b"<adf" not in lowered_payload and b"&lt;adf" not in lowered_payload:
        return None
    if is_xml:
        return decode_xml(part.payload)
    if part.content_type.startswith("text/"):
        text = part.text
        # Raw tags in HTML would be eaten by the converter; escaped ones only show after it.
        return find_adf(text) or (
            find_adf(html_to_text(text)) if part.content_type == "text/html" else None
        )
    return None


def _find_adf(parts: list[Part]) -> tuple[AdfRead | None, Unreadable | None]:
    """The first readable ADF; else the reason the first ADF-looking part failed."""
    error = None
    for part in parts:
        try:
            text = _adf_in(part)
            if text is not None:
                return read_adf_text(text), None
        except Unreadable as exc:
            error = error or exc
    return None, error


def _bodies(parts: list[Part]) -> list[str]:
    """Inline text bodies, plain before HTML: a portal's plain part can be a stub."""
    inline = [p for p in parts if not p.attachment]
    plain = [p.text for p in inline if p.content_type == "text/plain"]
    html = [html_to_text(p.text) for p in inline if p.content_type == "text/html"]
    return [t for t in (*plain, *html) if t.strip()]


def _from_labels(labels: Labelled) -> Found:
    first = labels.first
    # The tussenvoegsel stays with the surname: "Sanne" + "de" + "Vries" = "Sanne de Vries".
    name = first("name") or full_name(first("first_name"), first("infix"), first("last_name"))
    vehicle = Vehicle(
        make=first("make") or None,
        model=first("model") or None,
        year=parse_year(first("year")),
        stock=first("stock") or None,
        price=parse_price(first("price")),
        url=first("url") or None,
        plate=first("plate") or None,
        text=first("vehicle") or None,
    )
    emails = [plausible_email(e) for e in labels.values.get("email", [])]
    return Found(
        name=name,
        phones=labels.values.get("phone", []),
        email=next((e for e in emails if e), None),
        vehicle=vehicle if vehicle.to_json() else None,
        message=first("message"),
        language=labels.language,
    )


def _from_text(bodies: list[str], lookup: Lookup) -> tuple[Found, str]:
    """The fields, and the text to look for a phone number in when no field gives one."""
    for text in bodies:
        labels = read_labels(text, lookup)
        found = _from_labels(labels)
        if found.has_lead_fields or labels.values.get("phone"):
            return found, "" if found.phones else text
    text = bodies[0]  # no labels: a customer's own words, e.g. a direct mail
    message = text.strip()
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return Found(message=message), text


def _sender_source(msg: Message, domain: str) -> str:
    """The sender's domain, or "website" when it is the dealership's own (its web form)."""
    recipients = {
        sender_domain(address)
        for header in ("To", "Cc", "Delivered-To", "X-Original-To")
        for _, address in addresses(msg, header)
    }
    return "website" if domain in recipients else domain


def _contact_from_headers(msg: Message, found: Found) -> None:
    for header in ("Reply-To", "From"):
        for display, address in addresses(msg, header):
            email = plausible_email(address)
            if email and is_customer_address(email):
                found.email = email
                found.name = found.name or display
                return


def _hints(found: Found, portal: Portal | None, domain: str) -> None:
    """The countries the portal and the advert's link point at."""
    country = portal_country(portal, domain) if portal else None
    link = found.vehicle.url if found.vehicle else None
    link_country = domain_country(urlsplit(link).hostname or "") if link else None
    for hint in (country, link_country):
        if hint:
            found.hints.append({hint})


def _missed_call(found: Found, subject: str, portal: Portal | None) -> None:
    """A portal's missed-call notice: the customer phoned a minute ago and nobody answered."""
    match = missed_call_subject(subject, portal) if subject else None
    if match is None:
        return
    found.kind = MISSED_CALL
    car = (match.groupdict().get("vehicle") or "").strip(" .:-")
    if car and found.vehicle is None:
        found.vehicle = Vehicle(text=car)
    elif car and found.vehicle is not None and not found.vehicle.describe():
        found.vehicle = replace(found.vehicle, text=car)  # a stock number, but no car


def read_email(data: bytes, region: str) -> EmailRead:
    msg = parse_message(data)
    senders = addresses(msg, "From")
    domain = sender_domain(senders[0][1]) if senders else ""
    portal = portal_for(domain) if domain else None
    try:
        return _read_email(data, msg, region, portal, domain)
    except Unreadable as exc:
        if portal is None:
            raise
        # Named, so IT can see which portal's template changed.
        raise type(exc)(f"{portal.name}: {exc.reason}") from None


def _read_email(
    data: bytes, msg: Message, region: str, portal: Portal | None, domain: str
) -> EmailRead:
    parts = list(iter_parts(msg))
    adf, adf_error = _find_adf(parts)
    scan = ""
    if adf is not None:
        found = adf.found
    else:
        bodies = _bodies(parts)
        if not bodies:
            defects = ", ".join(fatal_defects(msg))
            raise adf_error or Unreadable(
                f"malformed e-mail: {defects}" if defects else "e-mail has no readable text body"
            )
        found, scan = _from_text(bodies, portal.lookup if portal else lookup_for())
        if adf_error is not None:
            found.flags.append("adf_unreadable")
    if not found.email:
        _contact_from_headers(msg, found)
    subject = header_text(msg, "Subject")
    _missed_call(found, subject, portal)
    _hints(found, portal, domain)
    if scan:
        found.phone = find_number(scan[:PHONE_SCAN], region, hints_of(found, found.email))
    provider, vendor = (adf.provider, adf.vendor) if adf else ("", "")
    found.source = provider or (portal.key if portal else "") or vendor
    found.source = found.source or _sender_source(msg, domain)
    found.requested_at = found.requested_at or parse_time(header_text(msg, "Date"))
    if subject:
        found.extra["subject"] = subject
    if not found.has_lead_fields:
        raise adf_error or Unreadable("e-mail has no lead fields (name, phone or e-mail)")
    message_id = safe_id(header_text(msg, "Message-ID").strip("<> "))
    return EmailRead(found, message_id or None, _original(data, parts))


def _original(data: bytes, parts: list[Part]) -> str | None:
    """The mail as text: UTF-8, else its first declared charset (an 8-bit legacy mail)."""
    charset = next((p.charset for p in parts if p.charset), None)
    return try_decode(data, "utf-8") or try_decode(data, charset)
