"""What a format reader found, and the one place that turns it into a Lead.

Every format ends here, so the phone choice, the flags and the defaults are the same
whether the lead came as JSON, ADF or e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from app.core.lead import NO_CONTACT, Lead, Phone, Vehicle
from app.core.phone import find_phone, normalize_phone
from app.intake.values import aware, clean_str

PHONE_INVALID = "phone_invalid"


@dataclass
class Found:
    """Raw findings of one reader, before normalization."""

    name: str = ""
    phones: list[str] = field(default_factory=list)  # best candidate first
    phone: Phone | None = None  # already normalized (e.g. found by the matcher in free text)
    email: str | None = None
    vehicle: Vehicle | None = None
    message: str = ""
    requested_at: datetime | None = None
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    @property
    def has_lead_fields(self) -> bool:
        return bool(self.name or self.email or self.phone or any(p.strip() for p in self.phones))


def read_phone(text: str, region: str) -> Phone:
    """A phone field's value; "06 12345678 (na 17:00)" keeps its note in `raw`."""
    phone = normalize_phone(text, region)
    if not phone.valid:
        inside = find_phone(text[:200], region)  # a number with a note, not an essay
        if inside is not None:
            return replace(inside, raw=text.strip())
    return phone


def pick_phone(candidates: list[str], region: str) -> Phone | None:
    """The first valid candidate; if none is valid, the first one, kept raw."""
    phones = [read_phone(c, region) for c in candidates if c and c.strip()]
    return next((p for p in phones if p.valid), phones[0] if phones else None)


def build_lead(
    found: Found,
    *,
    lead_id: str,
    received_at: datetime,
    fmt: str,
    original: str,
    region: str,
) -> Lead:
    phone = found.phone or pick_phone(found.phones, region)
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
        email=found.email.lower() if found.email else None,
        vehicle=found.vehicle,
        message=clean_str(found.message.strip()),
        format=fmt,
        original=original,
        extra=found.extra,
        flags=flags,
    )
    if not lead.has_contact and NO_CONTACT not in lead.flags:
        lead.flags.append(NO_CONTACT)  # still a lead: the salesperson sees it, can't call
    return lead
