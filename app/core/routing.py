"""Where a new lead goes on this PC: the full-screen alert, a quiet notification, or nowhere.

Pure: the shell asks it on every refresh, and tests ask it without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import Enum
from typing import Any, Protocol

from app.core.enums import Availability, Role
from app.core.offer import policy_from


class _Waiting(Protocol):
    @property
    def sla_start(self) -> datetime: ...


class Route(Enum):
    ALERT = "alert"  # take over the screen with the countdown
    NOTIFY = "notify"  # one tray message per new lead; the alert pops on the colleagues' PCs
    NONE = "none"  # nothing new to route


def route(
    has_leads: bool,
    *,
    availability: Availability = Availability.AVAILABLE,
    role: Role = Role.SALESPERSON,
    manager_alert: bool = True,
    opened: bool = False,
    escalated: bool = False,
) -> Route:
    """Decide for the current alertable leads.

    `opened`: the person clicked a new-lead notification, so they want to see the alert
    even while with a customer or on a break. `escalated`: a lead has waited past the
    manager's mark (manager_due), so a manager's PC alerts even with its alert off.
    """
    if not has_leads:
        return Route.NONE
    if opened:
        return Route.ALERT
    if availability != Availability.AVAILABLE:
        return Route.NOTIFY  # a customer in front of you comes first; the team takes it
    if role == Role.MANAGER and not manager_alert and not escalated:
        return Route.NOTIFY
    return Route.ALERT


def manager_due(leads: Iterable[_Waiting], now: datetime, settings: Mapping[str, Any]) -> bool:
    """Whether one of these unclaimed leads has waited past the manager's mark
    (`manager_alert_min` in leadpop.toml's [routing]; app.core.offer's last stage)."""
    mark = timedelta(seconds=policy_from(dict(settings)).manager_s)
    return any(now - lead.sla_start >= mark for lead in leads)
