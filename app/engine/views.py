"""What the engine hands the UI about a lead: frozen, typed views, never a database row.

The store's column names stop here (`from_row`), so renaming a column is a change in
this file and the store, not a silent blank on screen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.enums import LeadState, LeadStatus
from app.core.hours import OpeningHours
from app.core.lead import (
    DEFAULT_REGION,
    MISSED_CALL,
    REQUEST,
    LeadKind,
    Phone,
    Vehicle,
    stored_fields,
)
from app.core.timefmt import from_text


@dataclass(frozen=True)
class AttemptView:
    """One call recorded on this PC."""

    number: int
    at: datetime
    outcome: str  # app.core.events.OUTCOMES
    note: str | None = None
    user: str | None = None


@dataclass(frozen=True)
class LeadView:
    """A lead as the UI lists it: its fields, plus what follows from its calls and now."""

    id: str
    name: str
    phone: Phone  # raw "" when the customer gave none; only a checked number has an e164
    email: str | None
    vehicle: Vehicle | None
    message: str
    source: str | None
    received_at: datetime
    sla_start: datetime  # when the two minutes start: landing, or the next opening (now's hours)
    requested_at: datetime | None  # when the customer asked, if the document says
    state: LeadState
    lost_reason: str | None
    owner: str | None
    original: str  # the document as text ("" for leads stored before it was kept)
    attempts: tuple[AttemptView, ...]
    status: LeadStatus
    next_attempt: int | None
    next_due: datetime | None
    overdue: bool
    # A portal's notice that the customer phoned and nobody answered: the most urgent kind.
    kind: LeadKind = REQUEST
    # The other country's reading of an ambiguous number (Phone.shown, Phone.country), for
    # "possibly Belgian: +32 …" next to the home reading; the salesperson may pick it.
    phone_alternative: Phone | None = None

    @property
    def missed_call(self) -> bool:
        return self.kind == MISSED_CALL

    @property
    def shown_name(self) -> str:
        """The name, or the number when the customer left no name."""
        return self.name or self.phone.shown

    @property
    def is_open(self) -> bool:
        return self.state == LeadState.OPEN


def attempt_view(row: Mapping[str, Any]) -> AttemptView:
    at = from_text(row["ts"])
    assert at is not None  # not null in the schema
    return AttemptView(
        number=int(row["number"]),
        at=at,
        outcome=row["outcome"],
        note=row.get("note"),
        user=row.get("user"),
    )


def from_row(
    row: Mapping[str, Any],
    attempts: Iterable[Mapping[str, Any]] = (),
    *,
    status: LeadStatus,
    next_attempt: int | None = None,
    next_due: datetime | None = None,
    overdue: bool = False,
    home: str = DEFAULT_REGION,
    hours: OpeningHours | None = None,
) -> LeadView:
    """The view of a stored lead (app/store/schema.py `leads`) and its `attempts` rows;
    `home` is the dealer's phone region, for how the number is shown.

    `hours`: this PC's opening hours now. The countdown's start is worked out from them on
    every read, not taken from the store, so new hours move leads that are already waiting,
    and two PCs with different hours each show a lead by their own."""
    received = from_text(row["received_at"])
    assert received is not None  # not null in the schema
    sla = hours.sla_start(received) if hours is not None else from_text(row.get("sla_start"))
    own = stored_fields(row.get("extra"), home)
    return LeadView(
        id=row["id"],
        name=row.get("name") or "",
        phone=phone_of(row, home),
        email=row.get("email"),
        vehicle=vehicle_of(row.get("vehicle")),
        message=row.get("message") or "",
        source=row.get("source"),
        received_at=received,
        sla_start=sla or received,
        requested_at=from_text(row.get("requested_at")),
        state=LeadState(row.get("state") or LeadState.OPEN),
        lost_reason=row.get("lost_reason"),
        owner=row.get("owner"),
        original=row.get("original") or "",
        attempts=tuple(attempt_view(a) for a in attempts),
        status=status,
        next_attempt=next_attempt,
        next_due=next_due,
        overdue=overdue,
        kind=own.kind,
        phone_alternative=own.phone_alternative,
    )


def phone_of(row: Mapping[str, Any], home: str = DEFAULT_REGION) -> Phone:
    """The stored phone columns as a Phone; only a validated number gets a tel: link.

    `home` is the dealer's phone region (Config.region): a number from another country
    is shown with its country code (Phone.shown), whenever the lead was stored.
    """
    valid = bool(row.get("phone_valid"))
    return Phone(
        raw=row.get("phone_raw") or "",
        e164=row.get("phone_e164") if valid else None,
        display=row.get("phone_display"),
        valid=valid,
        kind=row.get("phone_type"),
    ).at_home(home)


def vehicle_of(raw: str | None) -> Vehicle | None:
    """The stored `vehicle` column (JSON, or plain text from older rows) as a Vehicle."""
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return Vehicle(text=raw)  # stored as plain text
    if isinstance(data, str):
        return Vehicle(text=data) if data else None
    return Vehicle.from_json(data) if isinstance(data, dict) else None
