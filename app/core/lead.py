"""The Lead: one clean, normalized customer request, whatever document it came in."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Phone:
    raw: str
    e164: str | None = None
    display: str | None = None  # national format of the number's own country
    valid: bool = False
    kind: str | None = None  # "mobile", "fixed_line", "voip", … (phonenumbers' type, lower-case)
    region: str | None = None

    @property
    def tel_uri(self) -> str | None:
        """`tel:` link, always from E.164 so a softphone dials the right country."""
        return f"tel:{self.e164}" if self.e164 else None

    @property
    def shown(self) -> str:
        return self.display or self.raw


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
            "email": self.email,
            "vehicle": self.vehicle.to_json() if self.vehicle else None,
            "message": self.message,
            "format": self.format,
            "flags": list(self.flags),
            "extra": self.extra,
        }


def stable_id(*parts: str | bytes) -> str:
    """A short id derived from content, so the same document read twice has the same id."""
    import hashlib  # here: only intake makes ids; `leadpop report` never does

    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return "L" + h.hexdigest()[:15]
