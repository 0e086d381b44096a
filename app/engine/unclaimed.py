"""What a salesperson may still want of leads nobody has taken, beside the alert.

- Leads passed on here with "Not me" stay reachable: `dismissed` lists them (newest
  first) and `undismiss` lets one alert here again (the snackbar's Undo, or later).
- A lead given back to the team is not brand new: `handed_back` says who gave it back and
  which calls were made before (from the team's activity log, folded per lead).

Plain functions on a Desk, run in the worker thread like the Desk's own methods. They are
asked for after the lists reach the GUI, so none of this sits on the way to the alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core.timefmt import from_text
from app.engine.desk import Desk
from app.engine.views import AttemptView, LeadView
from app.store import team_queries


@dataclass(frozen=True)
class HandedBack:
    """A lead someone gave back to the team, and the calls made on it before."""

    by: str | None
    calls: tuple[AttemptView, ...]


@dataclass(frozen=True)
class Unclaimed:
    dismissed: tuple[tuple[LeadView, datetime], ...]  # (lead, when I said "Not me")
    handed_back: dict[str, HandedBack]  # by lead id, for every unclaimed lead given back


def dismissed(desk: Desk) -> list[tuple[LeadView, datetime]]:
    """Unclaimed leads this PC said "Not me" to, most recent first."""
    out = []
    for row in desk.store.unclaimed():
        at = from_text(row.get("dismissed_at"))
        if at is not None:
            out.append((desk.view(row["id"]), at))
    return sorted(out, key=lambda pair: pair[1], reverse=True)


def undismiss(desk: Desk, lead_id: str) -> None:
    """Undo "Not me": the lead alerts on this PC again (while nobody has taken it)."""
    desk.store.update_lead(lead_id, desk.clock.now(), dismissed_at=None)


def handed_back(desk: Desk, lead_ids: list[str]) -> dict[str, HandedBack]:
    """Of these leads, those given back to the team: by whom, and their calls so far."""
    if not lead_ids:
        return {}
    out: dict[str, HandedBack] = {}
    for lead, state in team_queries.states_of(desk.store.db, lead_ids).items():
        if not state.released:
            continue
        by = state.last[2] if state.last else None
        out[lead] = HandedBack(by, _calls(state.calls))
    return out


def unclaimed(desk: Desk) -> Unclaimed:
    """Both of the above in one request: the dismissed leads, and the history of every
    unclaimed lead that was given back."""
    ids = [row["id"] for row in desk.store.unclaimed()]
    return Unclaimed(tuple(dismissed(desk)), handed_back(desk, ids))


def team_calls(desk: Desk, lead_id: str) -> tuple[AttemptView, ...]:
    """Every call on this lead in the team's log, colleagues' too: a lead taken over after
    a hand-over shows the calls made before it (this PC's store has only its own)."""
    state = team_queries.states_of(desk.store.db, [lead_id]).get(lead_id)
    return _calls(state.calls) if state is not None else ()


def _calls(logged: list[list[object]]) -> tuple[AttemptView, ...]:
    calls = []
    for i, call in enumerate(logged, start=1):
        try:
            at = from_text(call[2]) if isinstance(call[2], str) else None
        except ValueError:  # a line from a newer or broken writer: skip that call
            at = None
        if at is None:
            continue
        number = call[3] if isinstance(call[3], int) else i
        user = call[5] if isinstance(call[5], str) else None
        calls.append(AttemptView(number=number, at=at, outcome=str(call[4]), user=user))
    return tuple(calls)
