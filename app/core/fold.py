"""One lead's activity events folded into a small state that takes events in any order.

A year of a large group is ~250,000 events. Keeping them all in the local store and
re-folding a lead's events whenever one arrives costs seconds on a first read. Instead
each lead keeps a LeadState: every part of it is a minimum, a maximum, a set or a list
keyed by event id, so absorbing events in any order, any number of times (a re-read log
repeats them), gives the same state as folding the lead's deduplicated events sorted by
time. The store keeps one state per lead and adds new events to it (app.store.team_queries);
`facts` turns it into the LeadFacts the KPIs are computed from (app.core.kpi).

Order is (instant, event id), as for a sorted fold. A claim and a release in the same
second: the claim comes last (a reassignment logs both in one second).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.core.events import EventRecord, record_of
from app.core.hours import OpeningHours
from app.core.kpi import LeadFacts

# A state as JSON: [first, last, handover, doc, calls, sold, lost, dismissed]; see LeadState.
StateJson = list[Any]


class LeadState:
    """What the KPIs, the Team tab and a reassignment need to know about one lead."""

    __slots__ = ("calls", "dismissed", "doc", "first", "handover", "last", "lost", "sold")

    def __init__(self) -> None:
        # The first claim: [instant, id, ts, received_at, name, source, routing], values
        # as logged; routing is the mode it was offered under (see _routing). A state
        # stored before the mode was kept has six (routing unknown, LeadState.routing).
        self.first: list[Any] | None = None
        self.last: list[Any] | None = None  # the latest claim: [instant, id, user]
        self.handover: list[Any] | None = None  # latest claim/release: [instant, is_claim, id]
        self.doc: list[Any] | None = None  # latest claim naming its document: [instant, id, doc]
        # Every call: [instant, id, time, attempt, outcome, user], in (instant, id) order;
        # its time is when it started when the event says so (_call_time), else its ts.
        self.calls: list[list[Any]] = []
        self.sold = False
        self.lost: list[Any] | None = None  # the latest `lost`: [instant, id, reason]
        self.dismissed: list[str] = []  # who said "not me", sorted

    def apply(self, ev: EventRecord, instant: float) -> bool:
        """Absorb one valid event at `instant` (its ts as a POSIX timestamp). Returns
        whether the state changed; unknown types change nothing."""
        typ = ev.type
        if typ == "call":
            eid = ev.id
            calls = self.calls
            for c in calls:
                if c[1] == eid:
                    return False  # the same event, read again
            calls.append([instant, eid, _call_time(ev), ev.attempt, ev.outcome, ev.user])
            if len(calls) > 1:
                last = calls[-2]
                if last[0] > instant or (last[0] == instant and last[1] > eid):
                    calls.sort(key=_instant_and_id)  # a late arrival
            return True
        if typ == "claimed":
            eid = ev.id
            first = self.first
            if first is None:  # the usual case: nothing to compare with
                self.first = [instant, eid, ev.ts, ev.received_at, ev.name, ev.source, _routing(ev)]
                self.last = [instant, eid, ev.user]
                doc = ev.doc
                if isinstance(doc, str):
                    self.doc = [instant, eid, doc]
                self._hand_over(instant, 1, eid)
                return True
            key = (instant, eid)
            changed = False
            if key < (first[0], first[1]):
                self.first = [instant, eid, ev.ts, ev.received_at, ev.name, ev.source, _routing(ev)]
                changed = True
            elif len(first) < 7 and key == (first[0], first[1]):  # read again: its mode now
                first.append(_routing(ev))
                changed = True
            last = self.last
            if last is None or key > (last[0], last[1]):
                self.last = [instant, eid, ev.user]
                changed = True
            doc = ev.doc
            if isinstance(doc, str) and (self.doc is None or key > (self.doc[0], self.doc[1])):
                self.doc = [instant, eid, doc]
                changed = True
            return self._hand_over(instant, 1, eid) or changed
        if typ == "dismissed":
            user = ev.user
            if user in self.dismissed:
                return False
            self.dismissed.append(user)
            self.dismissed.sort()
            return True
        if typ == "lost":
            lost = self.lost
            if lost is None or (instant, ev.id) > (lost[0], lost[1]):
                self.lost = [instant, ev.id, ev.reason]
                return True
            return False
        if typ == "sold":
            if self.sold:
                return False
            self.sold = True
            return True
        if typ == "released":
            return self._hand_over(instant, 0, ev.id)
        return False

    def _hand_over(self, instant: float, is_claim: int, eid: str) -> bool:
        h = self.handover
        if h is None or (instant, is_claim, eid) > (h[0], h[1], h[2]):
            self.handover = [instant, is_claim, eid]
            return True
        return False

    def empty(self) -> bool:
        """Nothing absorbed yet (or only events of unknown types)."""
        return not (
            self.first or self.handover or self.calls or self.sold or self.lost or self.dismissed
        )

    # -- what it means ---------------------------------------------------------------------

    @property
    def claimed(self) -> bool:
        return self.first is not None

    @property
    def owner(self) -> str | None:
        """The user of the latest claim (reassignment moves the lead)."""
        return self.last[2] if self.last else None

    @property
    def routing(self) -> str | None:
        """The routing mode the lead was offered under: its first claim's (a reassignment
        later doesn't change how the lead was first offered). None: not kept (a state
        stored before Leadpop kept it)."""
        first = self.first
        return first[6] if first is not None and len(first) > 6 else None

    @property
    def released(self) -> bool:
        """The latest claim/release was a release: the lead is back with the team."""
        return self.handover is not None and self.handover[1] == 0

    @property
    def document(self) -> str | None:
        """The document name of the latest claim that said it (the claim key)."""
        return self.doc[2] if self.doc else None

    def facts(self, lead: str, hours: OpeningHours) -> LeadFacts | None:
        """The lead's KPI facts; None until someone claimed it (it has no period yet)."""
        if self.first is None or self.last is None:
            return None
        received = self.received_at()
        return self.facts_at(lead, received, hours.sla_start(received))

    def received_at(self) -> datetime:
        """When the lead landed, as its first claim says (else the claim's own time)."""
        assert self.first is not None
        ts = datetime.fromisoformat(self.first[2])
        try:
            received = datetime.fromisoformat(self.first[3])
        except (TypeError, ValueError):
            return ts
        return received if received.tzinfo else received.replace(tzinfo=ts.tzinfo)

    def facts_at(self, lead: str, received_at: datetime, sla_start: datetime) -> LeadFacts:
        """The facts, with the landing and SLA start already known (stored per lead)."""
        assert self.first is not None and self.last is not None
        ts, name, source = self.first[2], self.first[4], self.first[5]
        lost = self.lost
        return LeadFacts(
            lead=lead,
            received_at=received_at,
            sla_start=sla_start,
            owner=self.last[2],
            name=str(name or ""),
            source=str(source or ""),
            claimed_at=datetime.fromisoformat(ts),
            calls=[
                (
                    datetime.fromisoformat(c[2]),
                    c[3] if isinstance(c[3], int) else n,
                    str(c[4]),
                    c[5],
                )
                for n, c in enumerate(self.calls, 1)
            ],
            sold=self.sold,
            lost=lost is not None,
            lost_reason=lost[2] if lost else None,
        )

    def outcomes(self) -> tuple[bool, bool]:
        """(customer reached, appointment made), from the calls."""
        reached = appointment = False
        for c in self.calls:
            outcome = c[4]
            if outcome == "appointment":
                return True, True
            if outcome == "reached":
                reached = True
        return reached, appointment

    def followup(self, reached: bool | None = None) -> bool:
        """Owned, open, customer not reached, fewer than 3 calls: still being followed up."""
        if self.first is None or self.released or self.sold or self.lost is not None:
            return False
        if len(self.calls) >= 3:
            return False
        return not (self.outcomes()[0] if reached is None else reached)

    # -- stored as JSON --------------------------------------------------------------------

    def to_json(self) -> StateJson:
        """As stored. Most leads have one claim: the latest claim, the latest handover and
        the document then point at the first claim and are stored as a reference to it
        (a quarter less to write and read for a year of leads)."""
        first, last, hand, doc = self.first, self.last, self.handover, self.doc
        if first is not None:
            i, e = first[0], first[1]
            if last is not None and last[0] == i and last[1] == e:
                last = [last[2]]
            if hand is not None and hand[1] == 1 and hand[0] == i and hand[2] == e:
                hand = []
            if doc is not None and doc[0] == i and doc[1] == e:
                doc = [doc[2]]
        return [first, last, hand, doc, self.calls, int(self.sold), self.lost, self.dismissed]

    @classmethod
    def from_json(cls, data: StateJson) -> LeadState:
        s = cls()
        (first, last, hand, doc, s.calls, sold, s.lost, s.dismissed) = data
        if first is not None:  # references to the first claim, see to_json
            if last is not None and len(last) == 1:
                last = [first[0], first[1], last[0]]
            if hand is not None and not hand:
                hand = [first[0], 1, first[1]]
            if doc is not None and len(doc) == 1:
                doc = [first[0], first[1], doc[0]]
        s.first, s.last, s.handover, s.doc = first, last, hand, doc
        s.sold = bool(sold)
        return s


def _routing(ev: EventRecord) -> str:
    """A claim's routing mode; a claim without one was made by a Leadpop before routing,
    when every lead went to everyone at once."""
    routing = ev.routing
    return routing if type(routing) is str and routing else "everyone"


def _call_time(ev: EventRecord) -> str:
    """A call's time as logged: when it started, if the event says so (the `started`
    field, an ISO time with offset, not after the event), else when it was recorded.

    Speed to first call counts to the dialling, not to the outcome typed in after the
    talk. The order of calls stays the event's (instant, id).
    """
    started = ev.started
    if type(started) is str:
        try:
            when = datetime.fromisoformat(started)
            if when.tzinfo is not None and when <= datetime.fromisoformat(ev.ts):
                return started
        except ValueError:
            pass
    return ev.ts


def _instant_and_id(call: list[Any]) -> tuple[float, str]:
    return call[0], call[1]


def fold_events(events: Iterable[dict[str, Any]], hours: OpeningHours) -> dict[str, LeadFacts]:
    """Fold (valid) events into per-lead facts; leads nobody claimed are left out."""
    states: dict[str, LeadState] = {}
    for ev in events:
        rec, instant = record_of(ev)
        state = states.get(rec.lead)
        if state is None:
            state = states[rec.lead] = LeadState()
        state.apply(rec, instant)
    out = {}
    for lead, state in states.items():
        facts = state.facts(lead, hours)
        if facts is not None:
            out[lead] = facts
    return out
