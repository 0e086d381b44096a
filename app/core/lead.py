"""The Lead: one clean, normalized customer request, whatever document it came in."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from app.core.phone_format import number_text, region_of

DEFAULT_REGION = "NL"


@dataclass(frozen=True)
class Phone:
    raw: str
    e164: str | None = None
    display: str | None = None  # national format of the number's own country (stored)
    valid: bool = False
    kind: str | None = None  # "mobile", "fixed_line", "voip", … (phonenumbers' type, lower-case)
    region: str | None = None  # the number's country ("BE"); None when unknown or invalid
    home: str = DEFAULT_REGION  # the dealer's phone region: decides how the number is shown

    @property
    def tel_uri(self) -> str | None:
        """`tel:` link, always from E.164 so a softphone dials the right country."""
        return f"tel:{self.e164}" if self.e164 else None

    @property
    def shown(self) -> str:
        """What a person reads and dials: national at home, with its country code abroad.

        The same number as `tel_uri` (and so the QR code), whatever the dealer's region.
        """
        if self.valid and self.e164:
            return number_text(self.e164, self.home, self.display)
        return self.display or self.raw

    @property
    def country(self) -> str | None:
        """The number's country, also for a Phone rebuilt from stored columns."""
        return self.region or (region_of(self.e164) if self.valid and self.e164 else None)

    def at_home(self, home: str) -> Phone:
        """This number as shown at a dealership in `home` (a region such as "BE")."""
        home = (home or DEFAULT_REGION).strip().upper()
        return self if home == self.home else replace(self, home=home)


@dataclass(frozen=True)
class Vehicle:
    make: str | None = None
    model: str | None = None
    year: int | None = None
    stock: str | None = None
    price: float | None = None
    url: str | None = None
    plate: str | None = None  # Dutch "kenteken"
    text: str | None = None  # a free-text description when the document gives only that

    def describe(self) -> str:
        parts = [p for p in (self.make, self.model) if p]
        if self.year:
            parts.append(str(self.year))
        if not parts and self.text:
            return self.text
        return " ".join(parts) or (self.text or "")

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Vehicle | None:
        if not data:
            return None
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


NO_CONTACT = "no_contact"

# What the customer did: asked something (a form, a mail), or phoned and nobody answered.
# A missed call is the most urgent lead there is: the customer called a minute ago.
LeadKind = Literal["request", "missed_call"]
REQUEST: LeadKind = "request"
MISSED_CALL: LeadKind = "missed_call"

# Lead fields without a column of their own in the local store travel in its `extra` JSON,
# under this key (a producer's own field of that name is overwritten, never trusted).
STORED_KEY = "_leadpop"


@dataclass
class Lead:
    id: str
    received_at: datetime
    name: str = ""
    source: str = "website"
    requested_at: datetime | None = None
    phone: Phone | None = None
    email: str | None = None
    vehicle: Vehicle | None = None
    message: str = ""
    format: str = "json"  # json | adf | email
    original: str = ""  # the document as text, so nothing is lost
    extra: dict[str, Any] = field(default_factory=dict)  # unknown producer fields, kept
    flags: list[str] = field(default_factory=list)
    kind: LeadKind = REQUEST
    # The other reading of an ambiguous national number ("0478 55 66 77": Dutch landline
    # or Belgian mobile) when the document's hints could not settle it: the salesperson
    # sees both and picks. None when the number is unambiguous or the hints agreed.
    phone_alternative: Phone | None = None

    @property
    def is_missed_call(self) -> bool:
        return self.kind == MISSED_CALL

    @property
    def has_contact(self) -> bool:
        return bool((self.phone and self.phone.raw) or self.email)

    def display_name(self) -> str:
        return self.name or self.email or (self.phone.shown if self.phone else "") or self.id

    def to_json(self) -> dict[str, Any]:
        """The flat JSON `leadpop parse` prints (the keys are a contract)."""
        p = self.phone
        return {
            "id": self.id,
            "received_at": self.received_at.isoformat(),
            "requested_at": self.requested_at.isoformat() if self.requested_at else None,
            "source": self.source,
            "name": self.name,
            "phone_raw": p.raw if p else None,
            "phone_e164": p.e164 if p else None,
            "phone_display": p.display if p else None,
            "phone_valid": p.valid if p else False,
            "phone_type": p.kind if p else None,
            "phone_shown": p.shown if p else None,
            "phone_alternative": _alternative_json(self.phone_alternative),
            "kind": self.kind,
            "email": self.email,
            "vehicle": self.vehicle.to_json() if self.vehicle else None,
            "message": self.message,
            "format": self.format,
            "flags": list(self.flags),
            "extra": self.extra,
        }

    def stored_extra(self) -> dict[str, Any]:
        """`extra` as the local store keeps it: with this Lead's own column-less fields."""
        own: dict[str, Any] = {"kind": self.kind}
        alt = self.phone_alternative
        if alt is not None and alt.e164:
            own["phone_alternative"] = {"e164": alt.e164, "display": alt.display}
        return {**self.extra, STORED_KEY: own}


@dataclass(frozen=True)
class StoredFields:
    """The Lead fields kept in the store's `extra` JSON, read back (see Lead.stored_extra)."""

    kind: LeadKind = REQUEST
    phone_alternative: Phone | None = None


def stored_fields(extra: Any, home: str = DEFAULT_REGION) -> StoredFields:
    """Kind and alternative number from a stored `extra` (a dict, or its JSON text).

    Anything missing or malformed (a lead stored before these fields existed) reads as a
    plain request without an alternative.
    """
    if isinstance(extra, str | bytes):
        try:
            extra = json.loads(extra)
        except ValueError:
            return StoredFields()
    own = extra.get(STORED_KEY) if isinstance(extra, dict) else None
    if not isinstance(own, dict):
        return StoredFields()
    kind: LeadKind = MISSED_CALL if own.get("kind") == MISSED_CALL else REQUEST
    alt, phone = own.get("phone_alternative"), None
    if isinstance(alt, dict) and isinstance(alt.get("e164"), str):
        display = alt.get("display") if isinstance(alt.get("display"), str) else None
        e164 = alt["e164"]
        phone = Phone(raw=display or e164, e164=e164, display=display, valid=True).at_home(home)
    return StoredFields(kind=kind, phone_alternative=phone)


def _alternative_json(alt: Phone | None) -> dict[str, Any] | None:
    if alt is None or not alt.e164:
        return None
    return {"e164": alt.e164, "shown": alt.shown, "region": alt.country}


def stable_id(*parts: str | bytes) -> str:
    """A short id derived from content, so the same document read twice has the same id."""
    import hashlib  # here: only intake makes ids; `leadpop report` never does

    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return "L" + h.hexdigest()[:15]
