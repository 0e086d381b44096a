"""This PC's side of routing: its presence in the shared inbox, and which unclaimed leads
are offered to it now (app.core.offer decides; this feeds it and keeps the answer).

Presence is written and read on a slow timer (every PRESENCE_REFRESH), and never on a
poll that found a new lead: nothing here stands between a lead and its alert. The offer
itself is pure and cheap, computed for each unclaimed lead whenever the lists are made.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.core.offer import Lead, Mode, Offer, Policy, Stage, offer, policy_from
from app.core.presence import PRESENCE_REFRESH, Presence, Status
from app.inbox.base import InboxError

if TYPE_CHECKING:
    from app.engine.desk import Desk

log = logging.getLogger(__name__)


class Offers:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.policy: Policy = policy_from(dict(desk.config.deployed.values))
        self.team: list[Presence] = []  # the team as last read from the inbox, by user
        # Until the team is read once (a PC just started), this PC can't know whose turn
        # it is: it takes no turn, and alerts from the everyone stage like the others.
        self.known = False
        self.status = Status.AVAILABLE
        self.until: datetime | None = None  # a timed "with a customer" / "on a break" ends
        self.role = "salesperson"
        # When the lists must be made again although the store didn't change: the next
        # turn of a rollout, an escalation, or a change in the team's presence.
        self.changes_at: datetime | None = None
        self._next_refresh: datetime | None = None

    # -- presence --------------------------------------------------------------------------

    def set_me(self, status: str, until: datetime | None = None, role: str | None = None) -> None:
        """This PC's availability (and role) changed: announce it at the next poll."""
        self.status, self.until = Status(status), until
        if role is not None:
            self.role = role
        self._next_refresh = None

    def me(self, now: datetime) -> Presence:
        return Presence(
            self.desk.user, self.desk.config.host, self.status, now, self.role, self.until
        )

    def refresh(self, now: datetime) -> None:
        """Announce this PC and read the team, when due. An inbox that can't be reached
        leaves the last known team (the poll reports the outage itself)."""
        if self._next_refresh is not None and now < self._next_refresh:
            return
        self._next_refresh = now + PRESENCE_REFRESH
        try:
            self.desk.inbox.announce(self.me(now))
            team = self.desk.inbox.present(now)
        except (InboxError, AttributeError) as exc:  # AttributeError: an inbox without it
            log.debug("presence not refreshed: %s", exc)
            return
        changed = _routing_view(team) != _routing_view(self.team)  # not `seen`: it always moves
        self.team = team
        if changed or not self.known:
            self.known = True
            self.changes_at = now

    def leave(self, now: datetime) -> None:
        """A clean quit: say so, so routing skips this PC at once, not after the timeout."""
        try:
            self.desk.inbox.announce(replace(self.me(now), status=Status.OFFLINE))
        except (InboxError, AttributeError) as exc:
            log.info("presence not withdrawn: %s", exc)

    # -- offers ----------------------------------------------------------------------------

    def offer(self, row: dict[str, Any], sla: datetime, now: datetime) -> Offer:
        lead = Lead(row["id"], row.get("source") or "", sla)
        found = offer(lead, self.team, self.policy, now)
        if not self.known and self.policy.mode != Mode.EVERYONE and found.stage < Stage.ESCALATED:
            found = replace(found, users=frozenset())  # whose turn? unknown until read
        if found.next_change is not None and (
            self.changes_at is None or found.next_change < self.changes_at
        ):
            self.changes_at = found.next_change
        return found

    def offered(self, row: dict[str, Any], sla: datetime, now: datetime) -> bool:
        """Whether this PC alerts for the lead now; "Not me" holds until the escalation."""
        found = self.offer(row, sla, now)
        return found.offered_to(self.desk.user, dismissed=bool(row.get("dismissed_at")))

    def begin(self, now: datetime) -> None:
        """Before the lists are made: forget the change times of the last ones."""
        if self.changes_at is not None and self.changes_at <= now:
            self.changes_at = None

    def stage(self, row: dict[str, Any], sla: datetime, now: datetime) -> Stage:
        return self.offer(row, sla, now).stage


def _routing_view(team: list[Presence]) -> list[tuple[str, Status, str]]:
    return [(p.user, p.status, p.role) for p in team]
