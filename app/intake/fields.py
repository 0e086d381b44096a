"""What a format reader found, and the one place that turns it into a Lead.

Every format ends here, so the phone choice, the flags and the defaults are the same
whether the lead came as JSON, ADF or e-mail.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from app.core.lead import NO_CONTACT, REQUEST, Lead, LeadKind, Vehicle
from app.core.phone import Hint, Reading, find_number, read_number
from app.intake.language import COUNTRIES, language_of
from app.intake.portals import domain_country
from app.intake.values import aware, clean_str

PHONE_INVALID = "phone_invalid"


@dataclass
class Found:
    """Raw findings of one reader, before normalization."""

    name: str = ""
    phones: list[str] = field(default_factory=list)  # best candidate first
    phone: Reading | None = None  # already read (e.g. found by the matcher in free text)
    email: str | None = None
    vehicle: Vehicle | None = None
    message: str = ""
    requested_at: datetime | None = None
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    kind: LeadKind = REQUEST
    # Countries the document points at (its portal's, its language's): they settle a
    # national number that is valid in more than one country. See app/core/phone.py.
    hints: list[Hint] = field(default_factory=list)
    language: str | None = None  # "nl", "fr", "de", when the document says

    @property
    def has_lead_fields(self) -> bool:
        return bool(self.name or self.email or self.phone or any(p.strip() for p in self.phones))


def read_phone(text: str, region: str, hints: Iterable[Hint] = ()) -> Reading:
    """A phone field's value; "06 12345678 (na 17:00)" keeps its note in `raw`."""
    reading = read_number(text, region, hints)
    if not reading.phone.valid:
        inside = find_number(text[:200], region, hints)  # a number with a note, not an essay
        if inside is not None:
            alt = inside.alternative
            return Reading(
                replace(inside.phone, raw=text.strip()),
                replace(alt, raw=text.strip()) if alt else None,
            )
    return reading


def pick_phone(candidates: list[str], region: str, hints: Iterable[Hint] = ()) -> Reading | None:
    """The first valid candidate; if none is valid, the first one, kept raw."""
    readings = [read_phone(c, region, hints) for c in candidates if c and c.strip()]
    return next((r for r in readings if r.phone.valid), readings[0] if readings else None)


class _Hints:
    """Every sign of the customer's country: the address's domain first, then the rest.

    Worked out on first use: only an ambiguous number needs them, and the language of
    the message is the costly one.
    """

    def __init__(self, found: Found, email: str | None) -> None:
        self._found, self._email = found, email
        self._hints: list[Hint] | None = None

    def __iter__(self) -> Iterator[Hint]:
        if self._hints is None:
            found, hints = self._found, []
            country = domain_country(self._email.rpartition("@")[2]) if self._email else None
            if country:
                hints.append({country})
            hints += found.hints
            language = found.language or language_of(found.message)
            if language in COUNTRIES:
                hints.append(COUNTRIES[language])
            self._hints = hints
        return iter(self._hints)


def hints_of(found: Found, email: str | None) -> Iterable[Hint]:
    """The hints that settle an ambiguous number in this document (see `_Hints`)."""
    return _Hints(found, email)


def _phone_of(found: Found, region: str, email: str | None) -> Reading | None:
    if found.phone is not None:
        return found.phone
    return pick_phone(found.phones, region, hints_of(found, email))


def build_lead(
    found: Found,
    *,
    lead_id: str,
    received_at: datetime,
    fmt: str,
    original: str,
    region: str,
) -> Lead:
    email = found.email.lower() if found.email else None
    reading = _phone_of(found, region, email)
    phone = reading.phone if reading else None
    flags = list(dict.fromkeys(found.flags))
    if phone is not None and not phone.valid and PHONE_INVALID not in flags:
        flags.append(PHONE_INVALID)
    lead = Lead(
        id=lead_id,
        received_at=aware(received_at),
        name=clean_str(" ".join(found.name.split())),
        source=clean_str(found.source.strip()) or "website",
        requested_at=found.requested_at,
        phone=phone,
        email=email,
        vehicle=found.vehicle,
        message=clean_str(found.message.strip()),
        format=fmt,
        original=original,
        extra=found.extra,
        flags=flags,
        kind=found.kind,
        phone_alternative=reading.alternative if reading else None,
    )
    if not lead.has_contact and NO_CONTACT not in lead.flags:
        lead.flags.append(NO_CONTACT)  # still a lead: the salesperson sees it, can't call
    return lead
